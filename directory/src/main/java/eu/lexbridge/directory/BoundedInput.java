package eu.lexbridge.directory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Fails as soon as more than a limit of bytes is read, whatever a header claimed: a snapshot entry, a PMode set. The
 * failure is the caller's own refusal, so it reaches the caller through any parser that reads on.
 */
public final class BoundedInput extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private long count;

    public BoundedInput(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
        super(Objects.requireNonNull(in, "in"));
        this.limit = limit;
        this.tooLarge = Objects.requireNonNull(tooLarge, "tooLarge");
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

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw tooLarge.get();
        }
    }
}
