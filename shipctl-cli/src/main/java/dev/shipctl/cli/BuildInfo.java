package dev.shipctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which shipctl this is and where it was built from: the version, the commit (and whether the checkout had uncommitted changes) and the build
 * date, written by the build into {@code build.properties} beside this class. Missing values are "unknown".
 */
record BuildInfo(String version, String commit, boolean modified, String date) {
    static final String RESOURCE = "build.properties";

    /** The build's record, or unknowns when the classes were not built by Maven (an IDE, say). */
    static BuildInfo load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(p.getProperty("version"), p.getProperty("commit", "unknown"), Boolean.parseBoolean(p.getProperty("modified")),
                p.getProperty("date", "unknown"));
    }

    /** "0.1.0 (commit 9fc22c7c71, built 2026-12-06T12:35:32Z)"; no version is a development build. */
    String describe() {
        return (version == null ? "(development build)" : version)
                + " (commit " + commit + (modified ? " with uncommitted changes" : "") + ", built " + date + ")";
    }
}
