package jp.twozeroseven.infra;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import jp.twozeroseven.infra.composition.PlatformPropsFrom;
import com.pulumi.resources.ComponentResourceOptions;
import jp.twozeroseven.infra.composition.DataPipelinePropsFrom;
import jp.twozeroseven.infra.composition.ObservabilityPropsFrom;
import jp.twozeroseven.infra.data.DataPipeline;
import jp.twozeroseven.infra.observability.Observability;
import jp.twozeroseven.infra.platform.AppPlatform;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.support.Scope;
import jp.twozeroseven.infra.tagging.StackTags;

import java.util.List;

/** The whole stack: one explicit AWS provider and the three components, from validated settings. */
public final class InfraStack {

    private InfraStack() {
    }

    public static void define(Context ctx, StackSettings settings) {
        StackTags tags = StackTags.of(settings);
        Provider aws = new Provider("aws-" + settings.region(), ProviderArgs.builder()
                .region(settings.region())
                .allowedAccountIds(List.of(settings.accountId()))
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags.defaults()).build())
                .build());
        Scope root = PlatformPropsFrom.rootScope(settings, aws, tags, StackTags.SHARED_SERVICE);
        AppPlatform platform = new AppPlatform("platform", new PlatformPropsFrom(settings, root),
                ComponentResourceOptions.builder().parent(root.parent()).build());
        new Observability("observability", ObservabilityPropsFrom.of(settings, root.forService("observability"),
                platform.deployments().applicationName(),
                ObservabilityPropsFrom.handover(settings.stack(), settings.cdn().aliases(),
                        platform.services().values())),
                ComponentResourceOptions.builder().parent(root.parent()).build());
        DataPipeline data = new DataPipeline("data-pipeline", DataPipelinePropsFrom.settings(settings,
                root.forService("data-pipeline"), platform), ComponentResourceOptions.builder().build());
        platform.exports().forEach(ctx::export);
        data.exports().forEach(ctx::export);
    }
}
