package dev.tailor.kernel.eval;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A cell's stdout or stderr: bytes collect here and leave as one {@link Output.Stream} per {@link #emit()}, so a
 * loop printing 100,000 lines becomes a few dozen messages instead of 100,000.
 *
 * <p>{@link #flush()} does nothing on purpose: {@code println} flushes, and emitting per line is what made large
 * outputs slow. The evaluator calls {@link #emit()} on a timer and before anything that must come after the text.
 */
final class BatchingOutput extends OutputStream {

    private final String name;
    private final Consumer<Output> sink;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    BatchingOutput(String name, Consumer<Output> sink) {
        this.name = name;
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        buffer.write(bytes, offset, length);
    }

    @Override
    public void flush() {
        // Batched: see the class comment.
    }

    /** Sends what has collected as one stream output, keeping an incomplete UTF-8 character for the next batch. */
    void emit() {
        String text;
        synchronized (this) {
            if (buffer.size() == 0) {
                return;
            }
            byte[] bytes = buffer.toByteArray();
            int complete = completeUtf8Length(bytes);
            text = new String(bytes, 0, complete, StandardCharsets.UTF_8);
            buffer.reset();
            buffer.write(bytes, complete, bytes.length - complete);
        }
        if (!text.isEmpty()) {
            sink.accept(new Output.Stream(name, text));
        }
    }

    /** The length of the longest prefix that does not end inside a multi-byte UTF-8 sequence. */
    static int completeUtf8Length(byte[] bytes) {
        int end = bytes.length;
        // Walk back over at most 3 continuation bytes to the lead byte of the last character.
        int i = end - 1;
        while (i >= 0 && i >= end - 4 && (bytes[i] & 0xC0) == 0x80) {
            i--;
        }
        if (i < 0) {
            return end;
        }
        int lead = bytes[i] & 0xFF;
        int needed = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return end - i >= needed ? end : i;
    }
}
