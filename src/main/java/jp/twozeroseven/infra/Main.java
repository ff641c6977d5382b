package jp.twozeroseven.infra;

import com.pulumi.Pulumi;
import jp.twozeroseven.infra.cli.KAnonymityReportCommand;
import jp.twozeroseven.infra.cli.SynthCommand;
import jp.twozeroseven.infra.cli.SynthOptions;
import jp.twozeroseven.infra.cli.UsageException;
import jp.twozeroseven.infra.catalog.CatalogException;
import jp.twozeroseven.infra.policycheck.PolicyCheckUnavailable;
import jp.twozeroseven.infra.policycheck.PolicyConfigException;
import jp.twozeroseven.infra.settings.EngineEnvironment;
import jp.twozeroseven.infra.settings.SettingsException;
import jp.twozeroseven.infra.settings.StackSettings;
import jp.twozeroseven.infra.settings.StackSettingsParser;
import jp.twozeroseven.infra.synth.SynthFailure;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * One jar, two ways in: under the Pulumi CLI (no arguments) it is the stack program; with {@code synth} it runs
 * the same program offline. Either way, settings are validated before any resource is registered, and a user
 * sees a message, never a stack trace.
 */
public final class Main {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            if (args.isEmpty()) {
                return runUnderPulumi();
            }
            return switch (args.get(0)) {
                case "synth" -> new SynthCommand(out, err).run(SynthOptions.parse(args.subList(1, args.size())));
                case "k-anonymity-report" -> new KAnonymityReportCommand(out).run(args.subList(1, args.size()));
                case "help", "--help", "-h" -> {
                    out.println(SynthOptions.USAGE);
                    yield OK;
                }
                default -> throw new UsageException("unknown command " + args.get(0) + "\n" + SynthOptions.USAGE);
            };
        } catch (SettingsException | UsageException | PolicyConfigException | CatalogException e) {
            err.println("error: " + e.getMessage());
            return BAD_INPUT;
        } catch (PolicyCheckUnavailable | SynthFailure | IOException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            err.println("internal error (a bug in this repository, please report it): " + e);
            if (System.getenv("INFRA_DEBUG") != null) {
                e.printStackTrace(err);
            } else {
                err.println("set INFRA_DEBUG=1 to see the stack trace");
            }
            return FAILED;
        }
    }

    private static int runUnderPulumi() {
        StackSettings settings = StackSettingsParser.parse(EngineEnvironment.read(System.getenv()));
        Pulumi.run(ctx -> InfraStack.define(ctx, settings));
        return OK;
    }
}
