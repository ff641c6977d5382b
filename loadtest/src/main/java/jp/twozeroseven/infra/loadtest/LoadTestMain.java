package jp.twozeroseven.infra.loadtest;

import java.util.List;

/** Entry point: {@code --target URL --mix MIX [options]}; see {@link LoadTestOptions#USAGE} and docs/capacity.md. */
public final class LoadTestMain {

    private LoadTestMain() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || List.of(args).contains("--help")) {
            System.out.println(LoadTestOptions.USAGE);
            System.exit(args.length == 0 ? 64 : 0);
        }
        try {
            LoadTestOptions options = LoadTestOptions.parse(List.of(args));
            CapacityFinding finding = CapacityProbe.run(options, options.bearerToken(System::getenv), System.out);
            System.exit(finding.sustained().isPresent() ? 0 : 2);
        } catch (LoadTestException e) {
            System.err.println(e.getMessage());
            System.exit(64);
        }
    }
}
