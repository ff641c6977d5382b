package jp.twozeroseven.infra;

import java.io.PrintStream;
import java.util.List;

/** Lets tests in other packages call {@link Main#run} with their own streams. */
public final class MainAccess {

    private MainAccess() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return Main.run(args, out, err);
    }
}
