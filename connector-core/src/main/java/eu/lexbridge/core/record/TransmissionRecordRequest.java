package eu.lexbridge.core.record;

import java.time.Instant;
import java.util.UUID;

/**
 * A transmission outside the system as a back-end reports it, before it is checked: any field may be missing, and the
 * recording names the first one that is ({@code eu.lexbridge.core.port.CaseRecord#record}). Codes are the API's:
 * {@code reason} a {@link TransmissionReason#code()}, {@code hashAlgorithm} e.g. {@code SHA-256}.
 */
public record TransmissionRecordRequest(String backendRecordId, String conversationId, UUID relatedMessageId,
                                        Instant transmittedAt, String sender, String recipient, String fileName,
                                        Long fileSize, String reason, String channel, String hashAlgorithm,
                                        String hashValue, String instrument, String form, String operator,
                                        UUID corrects, String note) {
}
