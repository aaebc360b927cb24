package eu.lexbridge.backend.rest.view;

import eu.lexbridge.core.message.PayloadKind;
import io.swagger.v3.oas.annotations.media.Schema;

/** A payload's description; its bytes are at {@code href}. */
public record PayloadView(
        String payloadId,
        PayloadKind kind,
        String name,
        String mimeType,
        long size,
        @Schema(description = "hex SHA-256 of the bytes") String sha256,
        @Schema(description = "where to download the bytes") String href) {
}
