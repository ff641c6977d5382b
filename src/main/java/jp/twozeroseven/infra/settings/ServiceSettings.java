package jp.twozeroseven.infra.settings;

import java.util.Map;

/**
 * One user-facing application service on Fargate.
 *
 * @param cpu                     task CPU units (256, 512, 1024, 2048, 4096) with a memory that Fargate allows
 * @param readOnlyRootFilesystem  default true; the app writes only to its tmp volume
 * @param environment             non-secret environment variables; secrets never go here
 */
public record ServiceSettings(String name, ServiceKind kind, int cpu, int memory, CpuArchitecture architecture,
                              int containerPort, String healthCheckPath, boolean readOnlyRootFilesystem,
                              Routing routing, ScalingSettings scaling, Map<String, String> environment) {
}
