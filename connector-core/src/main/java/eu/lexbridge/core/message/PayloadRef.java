package eu.lexbridge.core.message;

import java.util.Objects;

/**
 * Points to payload bytes held by the payload store. Messages and queues carry these, never the bytes.
 *
 * @param payloadId the store's id
 * @param kind what the payload is to its message
 * @param name the file name or the e-CODEX part description (e.g. {@code messageContent}, {@code SUBMISSION_ACCEPTANCE})
 * @param mimeType the MIME type
 * @param size size in bytes
 * @param sha256 hex SHA-256 of the bytes, computed when they were written
 */
public record PayloadRef(String payloadId, PayloadKind kind, String name, String mimeType, long size, String sha256) {
    public PayloadRef {
        Objects.requireNonNull(payloadId, "payloadId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mimeType, "mimeType");
        Objects.requireNonNull(sha256, "sha256");
    }
}
