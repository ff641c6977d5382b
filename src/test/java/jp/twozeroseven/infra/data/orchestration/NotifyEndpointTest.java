package jp.twozeroseven.infra.data.orchestration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyEndpointTest {

    @Test
    void aValidEndpointNamesItsHost() {
        NotifyEndpoint endpoint = new NotifyEndpoint("a1b2c3d4e5", "prod", "ap-northeast-1", "/notify/etl-failure",
                "/notify/etl-summary");

        assertThat(endpoint.apiEndpoint()).isEqualTo("a1b2c3d4e5.execute-api.ap-northeast-1.amazonaws.com");
    }

    @Test
    void eachBadOrMissingValueIsNamedWithWhatItMustBe() {
        assertThatThrownBy(() -> new NotifyEndpoint("abc", "prod", "ap-northeast-1", "/a", "/b"))
                .hasMessage("API Gateway id 'abc' must be the 10-character REST API id");
        assertThatThrownBy(() -> new NotifyEndpoint("a1b2c3d4e5", "pr od", "ap-northeast-1", "/a", "/b"))
                .hasMessage("API Gateway stage 'pr od' is invalid");
        assertThatThrownBy(() -> new NotifyEndpoint("a1b2c3d4e5", "prod", "tokyo", "/a", "/b"))
                .hasMessage("API Gateway region 'tokyo' is not an AWS region");
        assertThatThrownBy(() -> new NotifyEndpoint("a1b2c3d4e5", "prod", "ap-northeast-1", "/a", null))
                .hasMessage("summary notification path 'null' must look like /notify/etl-summary");
    }
}
