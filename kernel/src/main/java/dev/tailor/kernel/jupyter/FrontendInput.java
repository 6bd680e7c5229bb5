package dev.tailor.kernel.jupyter;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;

/**
 * {@code System.in} inside a notebook: each time the cell needs more input, the frontend is asked for a line
 * with an {@code input_request}, and the answer is read as that line plus a newline.
 */
final class FrontendInput extends InputStream {

    private final ShellReplyEnvironment env;
    private byte[] line = new byte[0];
    private int position;

    FrontendInput(ShellReplyEnvironment env) {
        this.env = env;
    }

    @Override
    public synchronized int read() {
        if (!fill()) {
            return -1;
        }
        return line[position++] & 0xFF;
    }

    @Override
    public synchronized int read(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int count = Math.min(length, line.length - position);
        System.arraycopy(line, position, bytes, offset, count);
        position += count;
        return count;
    }

    @Override
    public synchronized int available() {
        return line.length - position;
    }

    private boolean fill() {
        if (position < line.length) {
            return true;
        }
        String answer = env.readFromStdIn("", false);
        if (answer == null) {
            return false;
        }
        line = (answer + "\n").getBytes(StandardCharsets.UTF_8);
        position = 0;
        return true;
    }
}
