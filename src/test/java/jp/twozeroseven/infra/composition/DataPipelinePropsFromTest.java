package jp.twozeroseven.infra.composition;

import jp.twozeroseven.infra.data.PipelineStack;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.testsupport.SynthedStacks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings → props mapping of the data pipeline, against both committed stacks. */
class DataPipelinePropsFromTest {

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void theStackFactsAndTheHeartbeatComeFromTheSettings(String stack) {
        StackSettings settings = SynthedStacks.settings(stack);
        PipelineStack facts = DataPipelinePropsFrom.stack(settings);
        assertThat(facts.stack()).isEqualTo(stack);
        assertThat(facts.namePrefix()).isEqualTo("platform-207-" + stack);
        assertThat(facts.account()).isEqualTo(settings.accountId());
        assertThat(facts.production()).isEqualTo(stack.equals("prod"));
        assertThat(facts.secretRecoveryDays()).isEqualTo(stack.equals("prod") ? 30 : 7);
        assertThat(facts.logRetentionDays()).isEqualTo(settings.logRetentionDays());
        var heartbeat = DataPipelinePropsFrom.heartbeat(settings);
        assertThat(heartbeat.eventApiUrl()).endsWith("/v1/accounts/" + settings.observability().newRelicAccountId()
                + "/events");
        assertThat(heartbeat.runWindow()).isEqualTo(settings.observability().heartbeat().runWindow())
                .isGreaterThan(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod", "stg"})
    void theEtlRepositoryExpiresImagesAsTheAppRepositoriesDo(String stack) {
        var policies = SynthedStacks.ofType(stack, "aws:ecr/lifecyclePolicy:LifecyclePolicy");
        var etl = policies.stream().filter(p -> p.name().endsWith("-embulk")).findFirst().orElseThrow();
        var api = policies.stream().filter(p -> p.name().endsWith("-api")).findFirst().orElseThrow();
        assertThat(etl.urn()).contains("platform207:data:DataPipeline$");
        assertThat(etl.inputs().get("policy")).isEqualTo(api.inputs().get("policy"));
    }
}
