package io.github.ucode4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * What the build wrote into the jar ({@code version.properties}): the version and the commit it was built from.
 * A build outside a git checkout has no commit; a class path without the file has neither.
 *
 * @param version the project's version
 * @param commit the full hash of the commit built, or {@code "unknown"}
 */
public record BuildInfo(String version, String commit) {
    private static final String UNKNOWN = "unknown";

    /**
     * Reads the build's file from the class path.
     *
     * @return the version and commit the build recorded; {@code "unknown"} for what it did not record
     */
    public static BuildInfo read() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version resource of the jar", e);
        }
        return new BuildInfo(known(properties.getProperty("version")), known(properties.getProperty("commit")));
    }

    /** The lines of {@code --version}: the version, the commit, and the JVM running it (vendor, version, VM). */
    String[] versionLines() {
        return new String[] {
            "ucode " + version,
            "commit " + commit,
            "JVM: " + System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + " ("
                + System.getProperty("java.vm.name") + ")"};
    }

    // A build that could not ask git leaves the placeholder or nothing: both are unknown.
    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.strip();
    }
}
