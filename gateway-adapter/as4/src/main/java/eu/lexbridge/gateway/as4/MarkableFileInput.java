package eu.lexbridge.gateway.as4;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read through a small buffer whose {@link #mark}/{@link #reset} seek in the file. WSS4J marks an attachment's
 * stream before it digests it for a signature and resets it afterwards, so that the same stream can be read again;
 * a stream without mark support it wraps in a {@code BufferedInputStream}, and phase4's own file streams buffer on a
 * mark: either way the whole attachment ended in the heap (and past 1 GB in a {@code NegativeArraySizeException}).
 * Here a mark is a file position, whatever the read limit: the heap holds 64 KiB, whatever the size.
 */
final class MarkableFileInput extends InputStream {

    private static final int BUFFER = 64 * 1024;

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER).flip();
    private long mark;

    private MarkableFileInput(FileChannel channel) {
        this.channel = channel;
    }

    static MarkableFileInput open(Path file) {
        try {
            return new MarkableFileInput(FileChannel.open(file, StandardOpenOption.READ));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + file.getFileName(), e);
        }
    }

    @Override
    public int read() throws IOException {
        if (!buffer.hasRemaining() && !fill()) {
            return -1;
        }
        return buffer.get() & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        if (!buffer.hasRemaining()) {
            if (length >= BUFFER) {
                // Large reads go straight from the file into the caller's array.
                return channel.read(ByteBuffer.wrap(target, offset, length));
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, buffer.remaining());
        buffer.get(target, offset, n);
        return n;
    }

    @Override
    public long skip(long count) throws IOException {
        if (count <= 0) {
            return 0;
        }
        long position = position();
        long skipped = Math.min(count, channel.size() - position);
        seek(position + skipped);
        return skipped;
    }

    @Override
    public int available() throws IOException {
        return (int) Math.min(Integer.MAX_VALUE, channel.size() - position());
    }

    @Override
    public boolean markSupported() {
        return true;
    }

    /** Remembers the position; {@code readLimit} does not matter, nothing is kept to go back to it. */
    @Override
    public synchronized void mark(int readLimit) {
        try {
            mark = position();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void reset() throws IOException {
        seek(mark);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private long position() throws IOException {
        return channel.position() - buffer.remaining();
    }

    private void seek(long position) throws IOException {
        channel.position(position);
        buffer.clear().flip();
    }

    private boolean fill() throws IOException {
        buffer.clear();
        int n;
        do {
            n = channel.read(buffer);
        } while (n == 0);
        buffer.flip();
        return n > 0;
    }
}
