package jp.twozeroseven.infra.awsrules;

import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.synth.SynthResult;
import jp.twozeroseven.infra.synth.SynthesizedResource;

import java.util.List;

/**
 * FSBP APIGateway.1 (execution logging at ERROR or INFO for every method of a REST API stage) and APIGateway.3
 * (X-Ray active tracing on REST API stages), without data trace, which would log request URLs and bodies.
 */
public final class ApiGatewayExecutionLoggingAndTracing extends AwsRule {

    public ApiGatewayExecutionLoggingAndTracing() {
        super("apigateway-execution-logging-and-tracing",
                "API Gateway REST stages should have execution logging (loggingLevel ERROR or INFO) and X-Ray tracing "
                        + "enabled (controls APIGateway.1 and APIGateway.3).",
                "https://docs.aws.amazon.com/securityhub/latest/userguide/apigateway-controls.html");
    }

    @Override
    public List<String> problems(SynthResult stack, StackSettings settings) {
        List<SynthesizedResource> methodSettings = stack.ofType("aws:apigateway/methodSettings:MethodSettings");
        return each(stack.ofType("aws:apigateway/stage:Stage"), (stage, problem) -> {
            if (!stage.inputs().path("xrayTracingEnabled").asBoolean(false)) {
                problem.accept("X-Ray tracing is off (APIGateway.3)");
            }
            String stageName = stage.inputs().path("stageName").asText();
            boolean logged = methodSettings.stream().anyMatch(m -> m.inputs().path("stageName").asText().equals(stageName)
                    && m.inputs().path("methodPath").asText().equals("*/*")
                    && List.of("ERROR", "INFO").contains(m.inputs().path("settings").path("loggingLevel").asText())
                    && !m.inputs().path("settings").path("dataTraceEnabled").asBoolean(false));
            if (!logged) {
                problem.accept("no execution logging of every method without data trace (APIGateway.1)");
            }
        });
    }
}
