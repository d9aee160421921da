package dev.shipctl.cli.options;

import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.PrivateFiles;
import java.io.Console;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * Where a password comes from. Never the command line: an environment variable, a file only its owner can read,
 * or a prompt without echo. Passwords are handed over as {@code char[]} that the caller wipes once used; a file's
 * bytes are wiped here. An environment variable is a String in the JDK and cannot be wiped.
 */
public sealed interface PasswordSource {
    /** The environment variable read when nothing else is said. */
    String DEFAULT_ENV = "SHIPCTL_PASSWORD";

    /** Reads the password; errors say where it was looked for, never what it is. The caller wipes the result. */
    char[] read(Map<String, String> env, Console console);

    /** One line for people ("environment variable SHIPCTL_PASSWORD"). */
    String describe();

    record FromEnv(String name) implements PasswordSource {
        @Override
        public char[] read(Map<String, String> env, Console console) {
            String value = env.get(name);
            if (value == null || value.isEmpty()) throw UserError.config("the environment variable " + name + " is not set");
            return value.toCharArray();
        }

        @Override
        public String describe() {
            return "environment variable " + name;
        }
    }

    /**
     * The first line of a file, which must be a {@linkplain PrivateFiles private file} of this user: not a link,
     * owned by the user, mode 0600 or stricter (else exit code 9 and the fix, {@code chmod 600 FILE}). It is opened
     * once, without following links, and read from that same open file. UTF-8; a byte-order mark and a CRLF line
     * end (as Notepad writes) are allowed.
     */
    record FromFile(Path file) implements PasswordSource {
        /** Far more than a password line: a bigger file is the wrong file. */
        static final int MAX_BYTES = 64 * 1024;

        @Override
        public char[] read(Map<String, String> env, Console console) {
            byte[] content = PrivateFiles.read(file, "the password file", MAX_BYTES);
            try {
                int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                        && (content[2] & 0xFF) == 0xBF ? 3 : 0;
                int end = start;
                while (end < content.length && content[end] != '\n' && content[end] != '\r') end++;
                if (end == start) throw UserError.config("the password file " + file + " is empty (the password is its first line)");
                return decode(content, start, end);
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        }

        private char[] decode(byte[] bytes, int start, int end) {
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            CharBuffer chars = CharBuffer.allocate(end - start); // UTF-8 never has more chars than bytes
            CoderResult result = utf8.decode(ByteBuffer.wrap(bytes, start, end - start), chars, true);
            if (!result.isError()) result = utf8.flush(chars);
            if (result.isError()) {
                Arrays.fill(chars.array(), '\0');
                throw UserError.config("the password file " + file + " is not UTF-8 text");
            }
            char[] password = Arrays.copyOf(chars.array(), chars.position());
            Arrays.fill(chars.array(), '\0');
            return password;
        }

        @Override
        public String describe() {
            return "file " + file;
        }
    }

    /** A prompt without echo on the terminal; {@code question} is what it asks (default "Password: "). */
    record Prompt(String question) implements PasswordSource {
        public Prompt() {
            this("Password: ");
        }

        @Override
        public char[] read(Map<String, String> env, Console console) {
            if (console == null) {
                throw UserError.config("no password: set " + DEFAULT_ENV + ", or use --password-env NAME or --password-file FILE"
                        + " (no terminal to prompt on)");
            }
            char[] typed = console.readPassword("%s", question);
            if (typed == null || typed.length == 0) throw UserError.config("no password was typed");
            return typed;
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
