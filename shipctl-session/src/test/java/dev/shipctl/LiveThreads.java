package dev.shipctl;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of this JVM's live threads, virtual ones included ({@link Thread#getAllStackTraces()} leaves those out):
 * read from the JDK's JSON thread dump.
 */
final class LiveThreads {
    private static final Pattern NAME = Pattern.compile("\"name\": \"([^\"]*)\"");

    private LiveThreads() {}

    /** The live threads whose name starts with {@code prefix}, sorted. */
    static List<String> named(String prefix) {
        try {
            Path dir = Files.createTempDirectory("threads");
            Path dump = dir.resolve("dump.json");
            try {
                ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                        .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
                List<String> names = new ArrayList<>();
                Matcher m = NAME.matcher(Files.readString(dump));
                while (m.find()) {
                    if (m.group(1).startsWith(prefix)) names.add(m.group(1));
                }
                names.sort(null);
                return names;
            } finally {
                Files.deleteIfExists(dump);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
