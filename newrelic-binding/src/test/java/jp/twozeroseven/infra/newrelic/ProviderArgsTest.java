package jp.twozeroseven.infra.newrelic;

import static org.assertj.core.api.Assertions.assertThat;

import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import org.junit.jupiter.api.Test;

class ProviderArgsTest {

    @Test
    void credentialsBecomeSecretsEvenWhenGivenAsPlainStrings() {
        var args = ProviderArgs.builder().accountId("1234567").apiKey("NRAK-PLAIN").region("EU").build();

        assertThat(isSecret(args.apiKey().orElseThrow())).isTrue();
        assertThat(isSecret(args.accountId().orElseThrow())).isTrue();
        assertThat(isSecret(args.region().orElseThrow())).isFalse();
        assertThat(Internal.of(args.region().orElseThrow()).getValueNullable().join()).isEqualTo("EU");
    }

    @Test
    void regionDefaultsToUsWhenNeitherArgumentNorEnvironmentSetsIt() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("NEW_RELIC_REGION") == null);

        var args = ProviderArgs.builder().apiKey("k").build();

        assertThat(Internal.of(args.region().orElseThrow()).getValueNullable().join()).isEqualTo("US");
    }

    private static boolean isSecret(Output<String> output) {
        return Internal.of(output).isSecret().join();
    }
}
