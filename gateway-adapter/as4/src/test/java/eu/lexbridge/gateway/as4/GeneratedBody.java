package eu.lexbridge.gateway.as4;

import java.io.InputStream;

/**
 * {@code length} bytes of a repeating unit (by default an XML-ish pattern), generated as they are read: a hostile body
 * never held.
 */
final class GeneratedBody extends InputStream {

    private static final byte[] PATTERN = "<S:Envelope xmlns:S=\"http://www.w3.org/2003/05/soap-envelope\"><a>"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final byte[] unit;
    private final long length;
    private long position;

    GeneratedBody(long length) {
        this(PATTERN, length);
    }

    GeneratedBody(byte[] unit, long length) {
        this.unit = unit;
        this.length = length;
    }

    @Override
    public int read() {
        if (position >= length) {
            return -1;
        }
        return unit[(int) (position++ % unit.length)];
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = unit[(int) ((position + i) % unit.length)];
        }
        position += n;
        return n;
    }
}
