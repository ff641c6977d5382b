// Hand-maintained in the shape pulumi-java-gen emits for com.pulumi:newrelic 5.77.0; see docs/newrelic-binding.md.

package jp.twozeroseven.infra.newrelic.outputs;

import com.pulumi.core.annotations.CustomType;
import com.pulumi.exceptions.MissingRequiredPropertyException;
import java.lang.String;
import java.util.Objects;

/** The result of the getEntity invoke (the fields the program reads). */
@CustomType
public final class GetEntityResult {
    private String accountId;
    private String applicationId;
    private String domain;
    private String guid;
    private String id;
    private String name;
    private String type;

    private GetEntityResult() {}

    public String accountId() {
        return this.accountId;
    }
    public String applicationId() {
        return this.applicationId;
    }
    public String domain() {
        return this.domain;
    }
    public String guid() {
        return this.guid;
    }
    /** The provider-assigned unique ID for this managed resource. */
    public String id() {
        return this.id;
    }
    public String name() {
        return this.name;
    }
    public String type() {
        return this.type;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static Builder builder(GetEntityResult defaults) {
        return new Builder(defaults);
    }

    @CustomType.Builder
    public static final class Builder {
        private String accountId;
        private String applicationId;
        private String domain;
        private String guid;
        private String id;
        private String name;
        private String type;

        public Builder() {}

        public Builder(GetEntityResult defaults) {
            Objects.requireNonNull(defaults);
            this.accountId = defaults.accountId;
            this.applicationId = defaults.applicationId;
            this.domain = defaults.domain;
            this.guid = defaults.guid;
            this.id = defaults.id;
            this.name = defaults.name;
            this.type = defaults.type;
        }

        @CustomType.Setter
        public Builder accountId(String accountId) {
            this.accountId = require("accountId", accountId);
            return this;
        }
        @CustomType.Setter
        public Builder applicationId(String applicationId) {
            this.applicationId = require("applicationId", applicationId);
            return this;
        }
        @CustomType.Setter
        public Builder domain(String domain) {
            this.domain = require("domain", domain);
            return this;
        }
        @CustomType.Setter
        public Builder guid(String guid) {
            this.guid = require("guid", guid);
            return this;
        }
        @CustomType.Setter
        public Builder id(String id) {
            this.id = require("id", id);
            return this;
        }
        @CustomType.Setter
        public Builder name(String name) {
            this.name = require("name", name);
            return this;
        }
        @CustomType.Setter
        public Builder type(String type) {
            this.type = require("type", type);
            return this;
        }

        public GetEntityResult build() {
            final var _resultValue = new GetEntityResult();
            _resultValue.accountId = accountId;
            _resultValue.applicationId = applicationId;
            _resultValue.domain = domain;
            _resultValue.guid = guid;
            _resultValue.id = id;
            _resultValue.name = name;
            _resultValue.type = type;
            return _resultValue;
        }

        private static String require(String property, String value) {
            if (value == null) {
                throw new MissingRequiredPropertyException("GetEntityResult", property);
            }
            return value;
        }
    }
}
