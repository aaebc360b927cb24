package eu.lexbridge.trust.container;

import java.util.Objects;

/**
 * A format deviation of a container that is read all the same: it is structurally sound, as DSS's ASiC validator reads
 * it, and nothing about it is unsafe; the sender's tool wrote it otherwise than the standard asks. Reported (on the
 * message timeline, by {@code lexbridge container verify}), never a reason to refuse.
 *
 * @param code what deviates
 * @param detail a sentence for the operator; names entries, never content
 */
public record ContainerNotice(Code code, String detail) {

    /**
     * The deviations. The clauses are those of ETSI EN 319 162-1 V1.1.1 (2016-04), "Associated Signature Containers
     * (ASiC); Part 1: Building blocks and ASiC baseline containers".
     */
    public enum Code {
        /**
         * {@code mimetype} is not the first zip entry. EN 319 162-1 annex A.1 asks the writer, when it includes a
         * "mimetype" file, to put it first in the ZIP and store it uncompressed (so that the media type shows at a
         * fixed offset to "magic number" detection); the ASiC-S structure of clause 4.3.3 does not depend on it, and
         * DSS 6.4 reads such a container. The official e-CODEX connector writes {@code META-INF/signatures.xml},
         * {@code SignedContent.zip}, then {@code mimetype} (issue 10, point 1).
         */
        MIMETYPE_NOT_FIRST,
        /** {@code mimetype} is compressed: against EN 319 162-1 annex A.1 (stored), harmless to a reader. */
        MIMETYPE_COMPRESSED,
        /**
         * There is no {@code mimetype}: EN 319 162-1 clause 4.3.3 makes it optional in an ASiC-S container ("may"
         * contain it); DSS then reads the container type from its structure.
         */
        MIMETYPE_MISSING,
        /**
         * The zip carries a comment other than {@code mimetype=application/vnd.etsi.asic-s+zip}, the one EN 319 162-1
         * annex A.1 foresees. The comment is not signed and means nothing to the reader.
         */
        ZIP_COMMENT
    }

    public ContainerNotice {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return code + ": " + detail;
    }
}
