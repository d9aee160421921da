package dev.shipctl.boot;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The runnable jar's {@code Main-Class}: compiled for Java 8, so that {@code java -jar shipctl.jar} on a Java older
 * than 25 prints one line saying which Java is needed (exit code 9, a configuration error) instead of an
 * {@code UnsupportedClassVersionError}. On Java 25 or newer it runs {@code dev.shipctl.cli.Main}. Uses nothing newer
 * than Java 8.
 */
public final class JavaVersionGate {
    /** The oldest Java shipctl runs on. */
    static final int REQUIRED = 25;
    static final String MAIN = "dev.shipctl.cli.Main";

    private JavaVersionGate() {}

    public static void main(String[] args) throws Throwable {
        int found = feature(System.getProperty("java.specification.version", ""));
        if (found < REQUIRED) {
            System.err.println(message(found, System.getProperty("java.home", "?")));
            System.exit(9);
            return;
        }
        Method main = Class.forName(MAIN).getMethod("main", String[].class);
        try {
            main.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // as if Main had been started directly
        }
    }

    /** The feature release of a {@code java.specification.version}: "1.8" is 8, "17" is 17; -1 if unreadable. */
    static int feature(String specificationVersion) {
        String v = specificationVersion.startsWith("1.") ? specificationVersion.substring(2) : specificationVersion;
        int end = 0;
        while (end < v.length() && Character.isDigit(v.charAt(end))) end++;
        if (end == 0 || end > 4) return -1;
        return Integer.parseInt(v.substring(0, end));
    }

    /** The one line shown on a Java that is too old. */
    static String message(int found, String javaHome) {
        return "shipctl: needs Java " + REQUIRED + " or newer, but this is Java " + (found < 0 ? "(unknown version)" : String.valueOf(found))
                + " (" + javaHome + "); install a Java " + REQUIRED + "+ (e.g. Temurin from https://adoptium.net) and run it"
                + " with that java, or use the Linux package, which brings its own";
    }
}
