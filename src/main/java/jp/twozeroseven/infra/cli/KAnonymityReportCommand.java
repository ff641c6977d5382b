package jp.twozeroseven.infra.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import jp.twozeroseven.infra.catalog.CatalogLoader;
import jp.twozeroseven.infra.data.masking.KAnonymity;

/**
 * {@code k-anonymity-report [--catalog FILE]}: prints the SQL that measures k per masked table, for an operator to
 * run against the Aurora reader as the masked-export user (docs/data-governance.md, "k-anonymity"). Needs no key.
 */
public final class KAnonymityReportCommand {
    public static final String USAGE = "usage: java -jar target/infra.jar k-anonymity-report [--catalog FILE]"
            + " (default data/catalog.yaml)";
    private final PrintStream out;

    public KAnonymityReportCommand(PrintStream out) {
        this.out = out;
    }

    public int run(List<String> args) {
        Path catalog = Path.of("data/catalog.yaml");
        if (args.size() == 2 && args.get(0).equals("--catalog")) {
            catalog = Path.of(args.get(1));
        } else if (!args.isEmpty()) {
            throw new UsageException("unexpected arguments " + args + "\n" + USAGE);
        }
        out.print(KAnonymity.report(CatalogLoader.load(catalog)));
        return 0;
    }
}
