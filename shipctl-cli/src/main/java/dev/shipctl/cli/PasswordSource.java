package dev.shipctl.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;

/**
 * Where a password comes from. Never the command line: an environment variable, a file only its owner can read,
 * or a prompt without echo.
 */
public sealed interface PasswordSource {
    /** The environment variable read when nothing else is said. */
    String DEFAULT_ENV = "SHIPCTL_PASSWORD";

    /** Reads the password; errors say where it was looked for, never what it is. */
    String read(Map<String, String> env, Console console);

    /** One line for people ("environment variable SHIPCTL_PASSWORD"). */
    String describe();

    record FromEnv(String name) implements PasswordSource {
        @Override
        public String read(Map<String, String> env, Console console) {
            String value = env.get(name);
            if (value == null || value.isEmpty()) throw UserError.config("the environment variable " + name + " is not set");
            return value;
        }

        @Override
        public String describe() {
            return "environment variable " + name;
        }
    }

    record FromFile(Path file) implements PasswordSource {
        @Override
        public String read(Map<String, String> env, Console console) {
            try {
                if (!Files.isRegularFile(file)) throw UserError.config("the password file " + file + " does not exist");
                try {
                    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
                    if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                        throw UserError.config("the password file " + file + " is readable by others; run: chmod 600 " + file);
                    }
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system (Windows): rely on its ACLs
                }
                String content = Files.readString(file, StandardCharsets.UTF_8);
                String first = content.lines().findFirst().orElse("");
                if (first.isEmpty()) throw UserError.config("the password file " + file + " is empty");
                return first;
            } catch (IOException e) {
                throw UserError.config("cannot read the password file " + file + ": " + e.getMessage());
            }
        }

        @Override
        public String describe() {
            return "file " + file;
        }
    }

    record Prompt() implements PasswordSource {
        @Override
        public String read(Map<String, String> env, Console console) {
            if (console == null) {
                throw UserError.config("no password: set " + DEFAULT_ENV + ", or use --password-env NAME or --password-file FILE"
                        + " (no terminal to prompt on)");
            }
            char[] typed = console.readPassword("Password: ");
            if (typed == null || typed.length == 0) throw UserError.config("no password was typed");
            return new String(typed);
        }

        @Override
        public String describe() {
            return "prompt";
        }
    }

    /** The default order: SHIPCTL_PASSWORD if set, else a prompt. */
    static PasswordSource defaults(Map<String, String> env) {
        String value = env.get(DEFAULT_ENV);
        return value != null && !value.isEmpty() ? new FromEnv(DEFAULT_ENV) : new Prompt();
    }
}
