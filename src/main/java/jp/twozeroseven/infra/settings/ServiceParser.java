package jp.twozeroseven.infra.settings;

import java.util.Map;

final class ServiceParser {

    private ServiceParser() {
    }

    static ServiceSettings parse(String name, Section s) {
        ServiceKind kind = s.choice("kind", Map.of("rails-api", ServiceKind.RAILS_API, "nextjs-web",
                ServiceKind.NEXTJS_WEB));
        int cpu = s.integer("cpu", 256, 4096);
        if (s.has("cpu") && !FargateSizes.allowedCpu(cpu)) {
            s.report("cpu", String.valueOf(cpu), "Fargate offers 256, 512, 1024, 2048 or 4096 CPU units");
        }
        int memory = s.integer("memory", 512, 30720);
        if (s.has("cpu") && s.has("memory") && FargateSizes.allowedCpu(cpu) && !FargateSizes.allowed(cpu, memory)) {
            s.report("memory", String.valueOf(memory), "Fargate does not offer " + memory + " MiB with " + cpu
                    + " CPU units; allowed: " + FargateSizes.describe(cpu));
        }
        CpuArchitecture arch = s.choice("architecture", Map.of("arm64", CpuArchitecture.ARM64, "x86_64",
                CpuArchitecture.X86_64), CpuArchitecture.ARM64);
        int port = s.integer("containerPort", 1024, 65535);
        String health = s.matching("healthCheckPath", "/[A-Za-z0-9/_.-]*", "a path such as /health");
        boolean readOnlyRoot = s.bool("readOnlyRootFilesystem", true);
        Routing routing = routing(s.section("routing"));
        ScalingSettings scaling = ScheduleParser.parse(s.section("scaling"));
        Map<String, String> env = s.stringMap("environment", "[A-Z][A-Z0-9_]*", "an UPPER_SNAKE_CASE name");
        env.keySet().stream()
                .filter(jp.twozeroseven.infra.contracts.SharedContracts::looksLikeSecretName)
                .forEach(k -> s.report("environment." + k, k, "looks like a secret; secrets come from Secrets "
                        + "Manager through the task's `secrets`, never plain environment"));
        s.rejectUnknownKeys();
        return new ServiceSettings(name, kind, cpu, memory, arch, port, health, readOnlyRoot, routing, scaling, env);
    }

    private static Routing routing(Section s) {
        var hosts = s.texts("hostHeaders", "host names such as api.207.example", false);
        var paths = s.texts("pathPatterns", "path patterns such as /admin/*", false);
        if (s.isPresent() && hosts.isEmpty() && paths.isEmpty()) {
            s.report("hostHeaders", (String) null, "give hostHeaders, pathPatterns or both, so the ALB can route");
        }
        paths.stream().filter(p -> !p.startsWith("/")).forEach(p ->
                s.report("pathPatterns", p, "a path pattern must start with /"));
        int priority = s.integer("priority", 1, 50000);
        s.rejectUnknownKeys();
        return new Routing(hosts, paths, priority);
    }
}
