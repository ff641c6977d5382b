package jp.twozeroseven.infra.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The parsed arguments of {@code synth}. */
public record SynthOptions(String stack, Path projectDir, Optional<Path> json, Optional<Path> policyPack,
                           Optional<Path> report, boolean preview, Optional<Path> diffBase) {

    public static final String USAGE = """
            usage: java -jar target/infra.jar synth --stack <name> [--json FILE] [--policy-pack DIR] \
            [--report DIR] [--preview] [--diff BASE.json] [--project-dir DIR]
              --stack NAME        a stack with a Pulumi.<name>.yaml file (prod, stg)
              --json FILE         write the synthesized stack as JSON (docs/synth-json.md)
              --policy-pack DIR   check the stack against the CrossGuard pack in DIR (e.g. policy)
              --preview           render it as the first `pulumi preview` of a new stack sees it: every output a
                                  provider computes (ARNs, ids, endpoints) is unknown
              --diff BASE.json    print what would change from BASE.json (an earlier --json) to this rendering
              --report DIR        write the capacity charts and cost.md into DIR
              --project-dir DIR   where Pulumi.yaml is; default: the current directory""";

    public static SynthOptions parse(List<String> args) {
        String stack = null;
        Path projectDir = Path.of(".");
        Path json = null;
        Path policy = null;
        Path report = null;
        boolean preview = false;
        Path diff = null;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            if (flag.equals("--preview")) {
                preview = true;
                continue;
            }
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            if (value == null || value.startsWith("--")) {
                throw new UsageException(flag + " needs a value\n" + USAGE);
            }
            switch (flag) {
                case "--stack" -> stack = value;
                case "--json" -> json = Path.of(value);
                case "--policy-pack" -> policy = Path.of(value);
                case "--report" -> report = Path.of(value);
                case "--diff" -> diff = Path.of(value);
                case "--project-dir" -> projectDir = Path.of(value);
                default -> throw new UsageException("unknown option " + flag + "\n" + USAGE);
            }
            i++;
        }
        if (stack == null) {
            throw new UsageException("--stack is required\n" + USAGE);
        }
        return new SynthOptions(stack, projectDir, Optional.ofNullable(json), Optional.ofNullable(policy),
                Optional.ofNullable(report), preview, Optional.ofNullable(diff));
    }
}
