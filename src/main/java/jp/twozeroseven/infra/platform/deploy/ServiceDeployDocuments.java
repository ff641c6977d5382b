package jp.twozeroseven.infra.platform.deploy;

import jp.twozeroseven.infra.platform.containers.ServiceTask;
import jp.twozeroseven.infra.platform.deploy.documents.AppSpecDocument;
import jp.twozeroseven.infra.platform.deploy.documents.AppSpecSpec;
import jp.twozeroseven.infra.platform.deploy.documents.CpuArchitecture;
import jp.twozeroseven.infra.platform.deploy.documents.TaskDefinitionDocument;
import jp.twozeroseven.infra.platform.deploy.documents.TaskDefinitionSpec;
import jp.twozeroseven.infra.settings.ServiceSettings;

import jp.twozeroseven.infra.platform.service.AppService;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two files a blue/green deploy of one service needs: {@code taskdef.json} (the app image replaced by
 * {@code <IMAGE1_NAME>}) and {@code appspec.yaml} (the task definition replaced by {@code <TASK_DEFINITION>}).
 * The family equals the Pulumi-managed task definition's, so deploys add revisions to the same family. A worker's
 * documents are its {@code taskdef.json} only ({@code appSpecYaml} null): it deploys by rolling update.
 */
public record ServiceDeployDocuments(String service, String taskDefinitionJson, String appSpecYaml) {

    /** Whether these are a worker's documents: taskdef.json only, no AppSpec ({@code appSpecYaml} is null). */
    public boolean rolling() {
        return appSpecYaml == null;
    }

    public static final String TASKDEF_FILE = "taskdef.json";
    public static final String APPSPEC_FILE = "appspec.yaml";

    public static ServiceDeployDocuments of(ServiceSettings service, String family, String executionRoleArn,
                                            String taskRoleArn, ServiceTask task) {
        return of(service, family, executionRoleArn, taskRoleArn, task, null);
    }

    /** @param network the service's placement, repeated in the AppSpec (null in unit tests of the taskdef) */
    public static ServiceDeployDocuments of(ServiceSettings service, String family, String executionRoleArn,
                                            String taskRoleArn, ServiceTask task, AppSpecSpec.Network network) {
        return of(service.name(), service.architecture(),
                service.loadBalanced().map(lb -> java.util.OptionalInt.of(lb.containerPort()))
                        .orElse(java.util.OptionalInt.empty()), family, executionRoleArn, taskRoleArn, task, network);
    }

    /**
     * @param service       the service's name, which is also its app container's name
     * @param containerPort the app container's port, where the load balancer sends traffic; empty for a worker,
     *                      which has no AppSpec (CodeDeploy does not deploy it: only its taskdef.json, which its
     *                      release registers before it updates the service)
     */
    public static ServiceDeployDocuments of(String service, jp.twozeroseven.infra.settings.CpuArchitecture architecture,
                                            java.util.OptionalInt containerPort, String family,
                                            String executionRoleArn, String taskRoleArn, ServiceTask task,
                                            AppSpecSpec.Network network) {
        TaskDefinitionSpec taskdef = new TaskDefinitionSpec(family, executionRoleArn, taskRoleArn,
                CpuArchitecture.valueOf(architecture.name()), task);
        if (containerPort.isEmpty()) {
            return new ServiceDeployDocuments(service, TaskDefinitionDocument.renderJson(taskdef), null);
        }
        // The app container is named after the service (ContainerDefinitions), and the ALB routes to it.
        // The capacity provider strategy is the service's (AppService.CAPACITY_PROVIDER_STRATEGY): CodeDeploy
        // resets it on every deployment unless the AppSpec repeats it (aws/containers-roadmap#1752).
        AppSpecSpec appspec = new AppSpecSpec(service, containerPort.getAsInt(), null, null, network,
                List.of(AppService.CAPACITY_PROVIDER_STRATEGY));
        return new ServiceDeployDocuments(service, TaskDefinitionDocument.renderJson(taskdef),
                AppSpecDocument.renderYaml(appspec));
    }

    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(TASKDEF_FILE, taskDefinitionJson);
        if (appSpecYaml != null) {
            files.put(APPSPEC_FILE, appSpecYaml);
        }
        return files;
    }

    /** Base64 of the deterministic zip that CodePipeline's S3 source reads. */
    public String bundleBase64() {
        return DeployBundle.zipBase64(files());
    }
}
