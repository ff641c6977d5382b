package jp.twozeroseven.infra.settings;

import java.util.List;
import java.util.Map;
import java.util.Optional;

final class ServiceParser {

    static final String WORKER = "rails-worker";
    /** Each kind as a stack file spells it. */
    static final Map<String, ServiceKind> KINDS = Section.choices(
            Map.entry("rails-api", ServiceKind.RAILS_API), Map.entry("nextjs-web", ServiceKind.NEXTJS_WEB),
            Map.entry(WORKER, ServiceKind.RAILS_WORKER));

    private ServiceParser() {
    }

    static ServiceSettings parse(String name, Section s) {
        ServiceKind chosen = s.choice("kind", KINDS);
        // A kind that is missing or misspelt is reported once; the rest is checked for the shape the file
        // describes (a command and no routing is a worker), not for a guessed kind that adds messages of its own.
        ServiceKind kind = s.isOneOf("kind", KINDS.keySet()) ? chosen
                : s.has("command") && !s.has("routing") ? ServiceKind.RAILS_WORKER : ServiceKind.RAILS_API;
        int cpu = s.integer("cpu", 256, 4096);
        if (s.has("cpu") && !FargateSizes.allowedCpu(cpu)) {
            s.report("cpu", String.valueOf(cpu), "Fargate offers 256, 512, 1024, 2048 or 4096 CPU units");
        }
        int memory = s.integer("memory", 512, 30720);
        if (s.has("cpu") && s.has("memory") && FargateSizes.allowedCpu(cpu) && !FargateSizes.allowed(cpu, memory)) {
            s.report("memory", String.valueOf(memory), "Fargate does not offer " + memory + " MiB with " + cpu
                    + " CPU units; allowed: " + FargateSizes.describe(cpu));
        }
        CpuArchitecture arch = s.choice("architecture", Section.choices(Map.entry("arm64",
                CpuArchitecture.ARM64), Map.entry("x86_64", CpuArchitecture.X86_64)), CpuArchitecture.ARM64);
        Optional<ServiceSettings.LoadBalanced> loadBalanced = kind.loadBalanced()
                ? Optional.of(loadBalanced(s)) : Optional.empty();
        if (!kind.loadBalanced()) {
            rejectOnWorker(s, "containerPort", () -> s.written("containerPort"));
            rejectOnWorker(s, "healthCheckPath", () -> s.written("healthCheckPath"));
            rejectOnWorker(s, "routing", () -> {
                s.markKnown("routing");
                return "an ALB listener rule";
            });
        }
        List<String> command = kind.loadBalanced() ? List.of() : command(s);
        if (kind.loadBalanced() && s.has("command")) {
            s.report("command", String.join(" ", s.texts("command", "words", false)), "only a " + WORKER + " gives a command; a web service runs its image's own "
                    + "CMD, so remove it (or use kind " + WORKER + ")");
        }
        boolean readOnlyRoot = s.bool("readOnlyRootFilesystem", true);
        ScalingSettings scaling = ScheduleParser.parse(s.section("scaling"), kind.loadBalanced());
        Map<String, String> env = s.stringMap("environment", "[A-Z][A-Z0-9_]*", "an UPPER_SNAKE_CASE name");
        env.keySet().stream()
                .filter(jp.twozeroseven.infra.contracts.SharedContracts::looksLikeSecretName)
                .forEach(k -> s.report("environment." + k, k, "looks like a secret; secrets come from Secrets "
                        + "Manager through the task's `secrets`, never plain environment"));
        s.rejectUnknownKeys();
        return new ServiceSettings(name, kind, cpu, memory, arch, readOnlyRoot, loadBalanced, command, scaling, env);
    }

    /** One message for a load-balancer key on a worker: the key, its value and the fix. */
    private static void rejectOnWorker(Section s, String key, java.util.function.Supplier<String> value) {
        if (s.has(key)) {
            s.report(key, value.get(), "a " + WORKER + " sits behind no load balancer, so it has no " + key
                    + "; remove it, or use kind rails-api for a service that takes requests (docs/workers.md)");
        }
    }

    private static ServiceSettings.LoadBalanced loadBalanced(Section s) {
        int port = s.integer("containerPort", 1024, 65535);
        String health = s.matching("healthCheckPath", "/[A-Za-z0-9/_.-]*", "a path such as /health");
        Routing routing = routing(s.section("routing"));
        return new ServiceSettings.LoadBalanced(port, health, routing);
    }

    /**
     * The worker's command. ECS passes {@code command} to the container in exec form, without a shell (ECS
     * developer guide, task definition parameters, "command"), so one item with spaces would name a program
     * called {@code bundle exec sidekiq}: each word is its own item.
     */
    private static List<String> command(Section s) {
        List<String> command = s.texts("command", "the words of the worker's command, such as [bundle, exec, "
                + "sidekiq]", true);
        if (s.isEmptyList("command")) {
            s.report("command", "[]", "a worker needs its command: give the program and its arguments, one item per "
                    + "word, e.g. [bundle, exec, sidekiq]");
        }
        if (!command.isEmpty() && command.get(0).trim().contains(" ")) {
            s.report("command[0]", command.get(0), "ECS runs the command without a shell, so a first word with "
                    + "spaces names a program that does not exist; give each word its own item, e.g. "
                    + "[bundle, exec, sidekiq]");
        }
        return command;
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
