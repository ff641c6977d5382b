package jp.twozeroseven.infra.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.twozeroseven.infra.testsupport.SynthedStacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * The renderings of the stacks as deployed before the per-service refactor (main at af95b96, see
 * src/test/resources/upgrade-baseline/README.md): what the state of a real stack holds today.
 */
public final class UpgradeBaseline {

    private static final ObjectMapper JSON = new ObjectMapper();

    private UpgradeBaseline() {
    }

    public static JsonNode of(String stack) {
        var file = SynthedStacks.PROJECT.resolve("src/test/resources/upgrade-baseline/" + stack + ".json.gz");
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the upgrade baseline " + file, e);
        }
    }
}
