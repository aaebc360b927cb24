package eu.lexbridge.gateway.as4;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from the request and fails as soon as more than the limit arrive, whatever the
 * Content-Length said (a chunked body has none). {@link #exceeded()} stays true afterwards, because a parser may wrap
 * the failure in its own exception.
 */
final class BoundedInput extends FilterInputStream {

    private final long limit;
    private long count;
    private boolean exceeded;

    BoundedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    boolean exceeded() {
        return exceeded;
    }

    private void counted(long n) throws IOException {
        count += n;
        if (count > limit) {
            exceeded = true;
            throw new IOException("more than " + limit + " bytes");
        }
    }
}
