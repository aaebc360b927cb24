package eu.lexbridge.backend.rest.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.flow.PayloadUpload;
import eu.lexbridge.core.flow.Submission;
import eu.lexbridge.core.flow.SubmissionRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns the parts of a multipart submission into a core {@link SubmissionRequest}. File parts are handed over as
 * streams the core opens once; only the small metadata part is parsed here.
 */
public final class SubmissionParts {

    static final String METADATA = "metadata";
    static final String BUSINESS_CONTENT = "businessContent";
    static final String BUSINESS_DOCUMENT = "businessDocument";
    static final String DETACHED_SIGNATURE = "detachedSignature";
    static final String ATTACHMENTS = "attachments";
    private static final Set<String> KNOWN = Set.of(METADATA, BUSINESS_CONTENT, BUSINESS_DOCUMENT, DETACHED_SIGNATURE,
            ATTACHMENTS);
    private static final int MAX_METADATA_BYTES = 64 * 1024;

    private final StrictJson<SubmissionMetadata> metadataJson;
    private final int maxAttachments;

    /** @param maxAttachments the most attachments parts a submission may have */
    public SubmissionParts(ObjectMapper mapper, int maxAttachments) {
        this.maxAttachments = maxAttachments;
        this.metadataJson = new StrictJson<>(mapper, SubmissionMetadata.class, "the metadata part", METADATA,
                MAX_METADATA_BYTES);
    }

    public SubmissionRequest request(String backendName, Collection<Part> parts) {
        checkNames(parts);
        int attachmentCount = (int) parts.stream().filter(p -> ATTACHMENTS.equals(p.getName())).count();
        if (attachmentCount > maxAttachments) {
            throw Submission.tooManyAttachments(attachmentCount, maxAttachments);
        }
        Part metadataPart = single(parts, METADATA, true);
        Part content = single(parts, BUSINESS_CONTENT, true);
        Part document = single(parts, BUSINESS_DOCUMENT, false);
        Part signature = single(parts, DETACHED_SIGNATURE, false);
        List<PayloadUpload> attachments = new ArrayList<>();
        for (Part part : parts) {
            if (ATTACHMENTS.equals(part.getName())) {
                attachments.add(upload(part));
            }
        }
        SubmissionMetadata metadata = metadata(metadataPart);
        return new SubmissionRequest(backendName, metadata.backendMessageId(), metadata.conversationId(),
                metadata.service(), metadata.action(), metadata.toPartyId(), metadata.originalSender(),
                metadata.finalRecipient(), metadata.recipient() == null ? null : metadata.recipient().query(),
                upload(content), document == null ? null : upload(document),
                signature == null ? null : upload(signature), attachments);
    }

    /** A misspelt part name would otherwise drop a document without a word. */
    private static void checkNames(Collection<Part> parts) {
        for (Part part : parts) {
            if (!KNOWN.contains(part.getName())) {
                throw new ConnectorException(ErrorCode.INVALID_FIELD, part.getName(), "the part '" + part.getName()
                        + "' is not expected; the parts are metadata, businessContent, businessDocument, detachedSignature and "
                        + "attachments");
            }
        }
    }

    private static Part single(Collection<Part> parts, String name, boolean required) {
        List<Part> named = parts.stream().filter(p -> name.equals(p.getName())).collect(Collectors.toList());
        if (named.size() > 1) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, name, "the part '" + name + "' must be sent once");
        }
        if (named.isEmpty() && required) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, name, "the part '" + name + "' is required");
        }
        return named.isEmpty() ? null : named.get(0);
    }

    /** The part's stream is opened only when the core stores it; nothing is buffered here. */
    private static PayloadUpload upload(Part part) {
        return new PayloadUpload(fileName(part.getSubmittedFileName()), part.getContentType(), part::getInputStream);
    }

    /** Some clients send a full client-side path; only the last segment is a file name. */
    private static String fileName(String submitted) {
        if (submitted == null) {
            return null;
        }
        int slash = Math.max(submitted.lastIndexOf('/'), submitted.lastIndexOf('\\'));
        return submitted.substring(slash + 1);
    }

    private SubmissionMetadata metadata(Part part) {
        if (part.getSize() > metadataJson.maxBytes()) {
            throw new ConnectorException(ErrorCode.PAYLOAD_TOO_LARGE, METADATA,
                    "the metadata part is larger than " + metadataJson.maxBytes() + " bytes");
        }
        try {
            return metadataJson.read(part.getInputStream(), METADATA);
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, METADATA, "the metadata part cannot be read", e);
        }
    }
}
