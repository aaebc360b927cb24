package eu.lexbridge.trust.container;

/**
 * Limits that keep a hostile container from exhausting disk, memory or time.
 *
 * @param maxTotalBytes the most uncompressed bytes: SignedContent.zip itself, and again all its entries together
 * @param maxEntries the most entries in SignedContent.zip (and in the container)
 * @param maxCompressionRatio the most an entry may inflate (uncompressed / compressed), once it is larger than
 *     {@code ratioThresholdBytes}
 * @param ratioThresholdBytes entries up to this size are not held to the ratio (small text compresses well)
 * @param maxSignatureBytes the largest {@code META-INF/signatures.xml}, read into memory
 */
public record ContainerLimits(long maxTotalBytes, int maxEntries, int maxCompressionRatio, long ratioThresholdBytes,
                              int maxSignatureBytes) {

    /** 4 GB, 1000 entries, ratio 100 above 1 MB, a 1 MB signature file. */
    public static final ContainerLimits DEFAULT = new ContainerLimits(4L << 30, 1000, 100, 1 << 20, 1 << 20);

    public ContainerLimits {
        if (maxTotalBytes <= 0 || maxEntries <= 0 || maxCompressionRatio <= 0 || ratioThresholdBytes < 0
                || maxSignatureBytes <= 0) {
            throw new IllegalArgumentException("Container limits must be positive");
        }
    }

    /** These limits, with room for at least {@code bytes} of signed content (a connector that takes larger messages). */
    public ContainerLimits withTotalAtLeast(long bytes) {
        return new ContainerLimits(Math.max(maxTotalBytes, bytes), maxEntries, maxCompressionRatio, ratioThresholdBytes,
                maxSignatureBytes);
    }
}
