package dev.shipctl.cli.terminal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The stream {@link Terminal#out()} and {@link Terminal#err()} hand out: whatever is printed reaches the real stream
 * only through {@link Terminal#render}, i.e. {@link TerminalText}'s rule.
 *
 * <p>Two ways in, both covered. Text ({@code print} of a String, Object, char or char[], hence {@code println},
 * {@code append} and {@code format} too) is one line: a line break inside it is shown as {@code \n}, and the line
 * break {@code println} adds is the only one (so {@code format}'s {@code %n} shows as {@code \n} too: end lines with
 * {@code println}). Bytes ({@code write}, and {@code print} of numbers, which the JDK turns
 * into bytes) are decoded as UTF-8 and keep their line breaks: that is how picocli's help and JLine's dumb terminal
 * write. The base stream underneath is a null stream, so nothing can slip past these methods to the real one.
 * {@code close} only flushes: the real streams belong to the process (or the test), not to one command.
 */
final class SafePrintStream extends PrintStream {
    private final PrintStream target;
    private final Terminal terminal;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    /** The start of a UTF-8 sequence that a write cut off (at most 3 bytes). */
    private byte[] pending = new byte[0];

    SafePrintStream(PrintStream target, Terminal terminal) {
        super(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        this.target = target;
        this.terminal = terminal;
    }

    @Override
    public void print(String s) {
        String line = terminal.render(String.valueOf(s), false);
        synchronized (this) {
            target.print(line);
        }
    }

    @Override
    public void print(Object o) {
        print(String.valueOf(o));
    }

    @Override
    public void print(char[] s) {
        print(new String(s));
    }

    @Override
    public void print(char c) {
        print(String.valueOf(c));
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) {
        ByteBuffer in = ByteBuffer.allocate(pending.length + len).put(pending).put(buf, off, len).flip();
        CharBuffer chars = CharBuffer.allocate(in.remaining());
        decoder.decode(in, chars, false);
        pending = new byte[in.remaining()];
        in.get(pending);
        if (chars.position() > 0) target.print(terminal.render(chars.flip(), true));
    }

    @Override
    public void flush() {
        target.flush();
    }

    @Override
    public void close() {
        flush();
    }

    @Override
    public boolean checkError() {
        return target.checkError();
    }
}
