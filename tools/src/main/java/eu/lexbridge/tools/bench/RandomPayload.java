package eu.lexbridge.tools.bench;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * {@code length} pseudo-random bytes from a seed, made as they are read: a back-end's payload of gigabytes that no
 * disk or heap holds, incompressible so that no step on the way makes it smaller than it says. The same seed gives
 * the same bytes.
 */
final class RandomPayload extends InputStream {

    private final SplittableRandom random;
    private long remaining;
    private long word;
    private int wordBytes;

    RandomPayload(long seed, long length) {
        this.random = new SplittableRandom(seed);
        this.remaining = length;
    }

    @Override
    public int read() {
        if (remaining == 0) {
            return -1;
        }
        if (wordBytes == 0) {
            word = random.nextLong();
            wordBytes = Long.BYTES;
        }
        int b = (int) (word & 0xFF);
        word >>>= 8;
        wordBytes--;
        remaining--;
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (remaining == 0) {
            return -1;
        }
        int n = (int) Math.min(length, remaining);
        for (int i = 0; i < n; i++) {
            if (wordBytes == 0) {
                word = random.nextLong();
                wordBytes = Long.BYTES;
            }
            buffer[offset + i] = (byte) word;
            word >>>= 8;
            wordBytes--;
        }
        remaining -= n;
        return n;
    }

    @Override
    public int available() {
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }
}
