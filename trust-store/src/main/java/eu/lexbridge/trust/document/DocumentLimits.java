package eu.lexbridge.trust.document;

import java.time.Duration;
import java.util.Objects;

/**
 * How much a document may cost its validation. A document beyond a limit is refused before DSS reads it (size, and
 * for a zip container what inflating it would give), or when its validation runs out of time.
 *
 * @param maxSize the largest document (and detached file) in bytes
 * @param maxInflatedSize the most bytes a zip container (an ASiC) may inflate to, nested containers included
 * @param maxInflationRatio the most a zip container may inflate to as a multiple of its own size; checked once more
 *     than {@link #RATIO_FLOOR} bytes are inflated, since small files of repeated bytes legitimately compress well
 * @param maxEntries the most entries a zip container may have, nested containers included
 * @param maxNesting how deep zip containers may lie inside each other: 1 lets an ASiC-S hold its
 *     {@code SignedContent.zip}, 0 allows no zip inside a zip
 * @param timeout the longest one validation may take, wall clock
 */
public record DocumentLimits(long maxSize, long maxInflatedSize, int maxInflationRatio, int maxEntries,
                             int maxNesting, Duration timeout) {

    /** Bytes inflated before the ratio is checked: 1 MiB. */
    public static final long RATIO_FLOOR = 1L << 20;

    /** 100 MB documents, 200 MB inflated, ratio 100, 500 entries, one level of nesting, 60 seconds. */
    public static final DocumentLimits DEFAULTS = new DocumentLimits(100L * 1024 * 1024, 200L * 1024 * 1024, 100, 500,
            1, Duration.ofSeconds(60));

    public DocumentLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxSize < 1 || maxInflatedSize < 1 || maxInflationRatio < 1 || maxEntries < 1 || maxNesting < 0) {
            throw new IllegalArgumentException("document limits must be positive (nesting at least 0)");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the validation timeout must be positive: " + timeout);
        }
    }
}
