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

    /** {@code length} bytes repeating one MiB of seeded pseudo-random bytes: incompressible, the same on every run. */
    static GeneratedBody random(long seed, long length) {
        byte[] unit = new byte[1 << 20];
        new java.util.Random(seed).nextBytes(unit);
        return new GeneratedBody(unit, length);
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
        // Whole runs of the unit at a time: gigabytes are generated at memory speed.
        int done = 0;
        while (done < n) {
            int from = (int) ((position + done) % unit.length);
            int run = Math.min(n - done, unit.length - from);
            System.arraycopy(unit, from, buffer, offset + done, run);
            done += run;
        }
        position += n;
        return n;
    }
}
