package eu.lexbridge.trust.container;

import java.util.Objects;

/**
 * The container is refused before or while it is opened: it is not an e-CODEX ASiC-S container, or it is dangerous
 * to unpack. Nothing was extracted. A readable container whose signature is broken or untrusted is a
 * {@link ContainerVerification}, not this exception.
 */
public final class ContainerRejectedException extends RuntimeException {

    /** Why the container is refused; each is a security event for the caller to count. */
    public enum Reason {
        /** Not a zip archive, or a corrupt one. */
        NOT_A_ZIP,
        /*
         * MIMETYPE_NOT_FIRST and MIMETYPE_COMPRESSED were refusals until issue 10: the container is read and they are
         * ContainerNotice codes now (the official connector writes mimetype last).
         */
        /** {@code mimetype} is not {@code application/vnd.etsi.asic-s+zip}. */
        MIMETYPE_WRONG,
        /** No signed data object at the root. */
        SIGNED_OBJECT_MISSING,
        /** More than one data object at the root: ASiC-S signs exactly one. */
        MORE_THAN_ONE_SIGNED_OBJECT,
        /** No {@code META-INF/signatures.xml}. */
        SIGNATURE_MISSING,
        /** A further signature file in META-INF (e.g. {@code signatures2.xml}, {@code signature.p7s}). */
        EXTRA_SIGNATURE,
        /** An entry an e-CODEX ASiC-S container does not have. */
        UNEXPECTED_ENTRY,
        /** Two entries with the same name (compared ignoring case). */
        DUPLICATE_ENTRY,
        /** An entry name that would leave the target directory: "..", absolute, a backslash, a drive letter. */
        PATH_TRAVERSAL,
        /** More uncompressed bytes than the limit. */
        TOO_LARGE,
        /** More entries than the limit. */
        TOO_MANY_ENTRIES,
        /** An entry inflates more than the compression-ratio limit: a zip bomb. */
        COMPRESSION_RATIO,
        /**
         * A local header and the central directory disagree on an entry (its name, or the entries there are), or the
         * central directory cannot be found where the zip says: tools that trust one or the other would see different
         * content.
         */
        HEADERS_DISAGREE,
        /** The extraction target exists already. */
        TARGET_EXISTS
    }

    private final Reason reason;

    public ContainerRejectedException(Reason reason, String message) {
        super(reason + ": " + message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public ContainerRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
