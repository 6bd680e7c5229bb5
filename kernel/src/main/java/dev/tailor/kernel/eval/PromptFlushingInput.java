package dev.tailor.kernel.eval;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** A cell's {@code System.in}: sends the text printed so far before each read, so a prompt shows before the input box. */
final class PromptFlushingInput extends FilterInputStream {

    private final Runnable emitText;

    PromptFlushingInput(InputStream in, Runnable emitText) {
        super(in);
        this.emitText = emitText;
    }

    @Override
    public int read() throws IOException {
        emitText.run();
        return super.read();
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        emitText.run();
        return super.read(bytes, offset, length);
    }
}
