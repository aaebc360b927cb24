package eu.lexbridge.trust.document;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Walks a zip container (and the zip containers inside it) as a stream, counting entries and inflated bytes against
 * the {@link DocumentLimits}, before DSS extracts anything: a zip bomb is refused after inflating at most the limit,
 * through one small buffer, never into the heap. Input that does not start like a zip passes unread beyond its first
 * bytes.
 */
final class ArchiveScan {

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final DocumentLimits limits;
    private final long compressedSize;
    private final byte[] buffer = new byte[16 * 1024];
    private long inflated;
    private int entries;

    private ArchiveScan(DocumentLimits limits, long compressedSize) {
        this.limits = limits;
        this.compressedSize = compressedSize;
    }

    /**
     * @param document the document's bytes; read, not closed
     * @param size the document's size in bytes
     * @throws DocumentLimitExceededException when a limit is exceeded
     */
    static void check(InputStream document, long size, DocumentLimits limits) throws IOException {
        BufferedInputStream in = new BufferedInputStream(document);
        if (isZip(in)) {
            new ArchiveScan(limits, Math.max(size, 1)).walk(in, 0);
        }
    }

    private static boolean isZip(BufferedInputStream in) throws IOException {
        in.mark(ZIP_MAGIC.length);
        byte[] head = in.readNBytes(ZIP_MAGIC.length);
        in.reset();
        return java.util.Arrays.equals(head, ZIP_MAGIC);
    }

    private void walk(InputStream zip, int depth) throws IOException {
        ZipInputStream entriesIn = new ZipInputStream(zip);
        ZipEntry entry;
        while ((entry = entriesIn.getNextEntry()) != null) {
            if (++entries > limits.maxEntries()) {
                throw new DocumentLimitExceededException("the document's zip container has more than "
                        + limits.maxEntries() + " entries (limit max-entries)");
            }
            if (entry.isDirectory()) {
                continue;
            }
            BufferedInputStream content = new BufferedInputStream(new CountingStream(entriesIn));
            if (isZip(content)) {
                if (depth + 1 > limits.maxNesting()) {
                    throw new DocumentLimitExceededException("the document holds zip containers nested more than "
                            + limits.maxNesting() + " deep (limit max-nesting)");
                }
                walk(content, depth + 1);
            }
            while (content.read(buffer) != -1) {
                // counted by CountingStream
            }
        }
    }

    /** Counts what one entry inflates to, and stops at the first byte beyond a limit. */
    private final class CountingStream extends InputStream {

        private final InputStream in;

        CountingStream(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the entry stream belongs to its ZipInputStream
        }
    }

    private void count(int n) {
        inflated += n;
        if (inflated > limits.maxInflatedSize()) {
            throw new DocumentLimitExceededException("the document's zip container inflates to more than "
                    + limits.maxInflatedSize() + " bytes (limit max-inflated-size)");
        }
        if (inflated > DocumentLimits.RATIO_FLOOR && inflated / compressedSize > limits.maxInflationRatio()) {
            throw new DocumentLimitExceededException("the document's zip container inflates to more than "
                    + limits.maxInflationRatio() + " times its size (limit max-inflation-ratio)");
        }
    }
}
