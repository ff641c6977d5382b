package jp.twozeroseven.infra.platform.deploy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The zip CodePipeline's S3 source hands to the CodeDeployToECS action. The bytes depend only on the file
 * contents: entries are sorted and every timestamp is fixed, so an unchanged taskdef/appspec uploads nothing on
 * the next {@code pulumi up} (a zip with "now" in it would be a new object version on every run).
 */
public final class DeployBundle {

    /** 2020-01-01T00:00:00Z: any constant works; the zip format cannot store times before 1980. */
    static final FileTime FIXED_TIME = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    private DeployBundle() {
    }

    public static byte[] zip(Map<String, String> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("a deploy bundle needs at least one file (taskdef.json, appspec.yaml)");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setCreationTime(FIXED_TIME);
                entry.setLastModifiedTime(FIXED_TIME);
                entry.setLastAccessTime(FIXED_TIME);
                entry.setTime(FIXED_TIME.toMillis());
                zip.putNextEntry(entry);
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the deploy bundle", e);
        }
        return bytes.toByteArray();
    }

    public static String zipBase64(Map<String, String> files) {
        return Base64.getEncoder().encodeToString(zip(files));
    }

    /** The files of a bundle, in zip order; used by tests and by anyone checking what a pipeline deployed. */
    public static Map<String, String> unzip(byte[] zipBytes) {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable deploy bundle", e);
        }
        return files;
    }
}
