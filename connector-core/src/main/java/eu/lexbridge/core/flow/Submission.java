package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.error.TooLargeForTheSystem;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PartName;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.DisclosurePolicy;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a back-end's message: checks every field, stores the payloads, records the message and queues it. A refused
 * submission leaves nothing behind.
 */
public final class Submission {

    private static final Logger LOG = LoggerFactory.getLogger(Submission.class);
    private static final Pattern TOKEN = Pattern.compile("[\\p{Graph} ]{1,255}");
    /**
     * What a back-end is told when a payload is over {@code lexbridge.connector.max-payload-size}: the limit is what
     * the connector carries, so the payload has to travel another way (the regulations' alternative means).
     */
    public static final String TOO_LARGE_FOR_ECODEX =
            "a payload this large cannot go through e-CODEX: send it by an alternative channel and record that "
                    + "transmission (POST /api/v1/records; the problem's recordTransmission holds the record begun)";

    /**
     * The most attachments one submission may have, so that the receiving access point accepts the AS4 message. A
     * message without a business document carries its attachments as AS4 parts of their own: the business content,
     * each attachment and the SUBMISSION_ACCEPTANCE evidence; its WS-Security signature has one reference per part
     * plus the SOAP Body and eb:Messaging. Apache Santuario's secure validation, which Domibus and phase4 apply,
     * refuses a signature with more than 30 references: 2 + (1 + n + 1) &le; 30 gives n &le; 26. (With a business
     * document the attachments travel inside the container, and the message has four parts whatever their number.)
     */
    public static final int MAX_ATTACHMENTS = 26;
    /** The longest MIME type stored with a payload. */
    static final int MAX_MIME_TYPE_LENGTH = 255;
    /** RFC 2045 / RFC 9110: type "/" subtype, then parameters whose values are tokens or quoted strings. */
    private static final String MIME_TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern MIME_TYPE = Pattern.compile(MIME_TOKEN + "/" + MIME_TOKEN
            + "(?:[ \\t]*;[ \\t]*" + MIME_TOKEN + "=(?:" + MIME_TOKEN + "|\"[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]*\"))*");

    private final DisclosurePolicy disclosure;
    private final ConnectorIdentity identity;
    private final RecipientResolution recipients;
    private final ServiceCatalogue catalogue;
    private final MessageStore store;
    private final PayloadStore payloads;
    private final MessageBus bus;
    private final SecurityEvents security;
    private final Clock clock;
    private final PayloadLimits limits;

    public Submission(ConnectorIdentity identity, RecipientResolution recipients, ServiceCatalogue catalogue,
                      MessageStore store, PayloadStore payloads, MessageBus bus, SecurityEvents security, Clock clock,
                      PayloadLimits limits) {
        this(identity, recipients, catalogue, store, payloads, bus, security, clock, limits, DisclosurePolicy.NONE);
    }

    /** @param disclosure which parts may go to which recipient, asked before a submission is taken */
    public Submission(ConnectorIdentity identity, RecipientResolution recipients, ServiceCatalogue catalogue,
                      MessageStore store, PayloadStore payloads, MessageBus bus, SecurityEvents security, Clock clock,
                      PayloadLimits limits, DisclosurePolicy disclosure) {
        this.disclosure = disclosure;
        this.identity = identity;
        this.security = security;
        this.recipients = recipients;
        this.catalogue = catalogue;
        this.store = store;
        this.payloads = payloads;
        this.bus = bus;
        this.clock = clock;
        this.limits = limits;
    }

    public ConnectorMessage submit(SubmissionRequest request) {
        String backendMessageId = token("backendMessageId", request.backendMessageId());
        String action = token("action", request.action());
        String serviceValue = token("service", request.service());
        BusinessService service = catalogue.find(serviceValue, action).orElseThrow(() -> new ConnectorException(
                ErrorCode.UNKNOWN_SERVICE_ACTION, "service",
                "service '" + serviceValue + "' with action '" + action + "' is not configured on this connector"));
        RecipientResolution.Recipient recipient = recipient(request, service, action);
        String originalSender = token("originalSender", request.originalSender());
        String conversationId = blank(request.conversationId()) ? UUID.randomUUID().toString()
                : token("conversationId", request.conversationId());
        if (request.businessContent() == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "businessContent", "businessContent is required");
        }
        if (request.detachedSignature() != null && request.businessDocument() == null) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, "businessDocument",
                    "a detachedSignature needs the businessDocument it signs");
        }
        checkParts(request);
        if (store.findByBackendMessageId(request.backendName(), backendMessageId).isPresent()) {
            throw duplicate(backendMessageId);
        }

        // what a refusal for size says of the transmission that must then go by another channel
        TransmissionRecordRequest offSystem = new TransmissionRecordRequest(null,
                blank(request.conversationId()) ? null : conversationId, null, null, originalSender,
                recipient.finalRecipient(), null, null, "data-size", null, null, null, serviceValue, action, null,
                null, null);
        List<PayloadRef> written = new ArrayList<>();
        boolean mayBeStored = false;
        try {
            PayloadRef content = write(PayloadKind.BUSINESS_CONTENT, "businessContent", request.businessContent(),
                    "text/xml", written, offSystem);
            written.add(content);
            String xmlProblem = XmlWellFormedness.check(payloads.open(content));
            if (xmlProblem != null) {
                security.record(SecurityEvents.Kind.UNSAFE_INPUT, "businessContent of back-end "
                        + request.backendName() + " refused: " + xmlProblem);
                throw new ConnectorException(ErrorCode.MALFORMED_XML, "businessContent",
                        "businessContent is refused: " + xmlProblem);
            }
            if (request.businessDocument() != null) {
                written.add(write(PayloadKind.BUSINESS_DOCUMENT, "businessDocument", request.businessDocument(),
                        "application/pdf", written, offSystem));
            }
            if (request.detachedSignature() != null) {
                written.add(write(PayloadKind.DETACHED_SIGNATURE, "detachedSignature", request.detachedSignature(),
                        "application/octet-stream", written, offSystem));
            }
            for (int i = 0; i < request.attachments().size(); i++) {
                written.add(write(PayloadKind.ATTACHMENT, "attachments[" + i + "]", request.attachments().get(i),
                        "application/octet-stream", written, offSystem));
            }
            ConnectorMessage message = ConnectorMessage.builder()
                    .kind(MessageKind.BUSINESS)
                    .direction(Direction.OUTBOUND)
                    .state(MessageState.SUBMITTED)
                    .backendName(request.backendName())
                    .backendMessageId(backendMessageId)
                    .ebmsMessageId(identity.newEbmsMessageId())
                    .conversationId(conversationId)
                    .service(service)
                    .action(action)
                    .from(identity.home())
                    .to(recipient.partner().party())
                    .originalSender(originalSender)
                    .finalRecipient(recipient.finalRecipient())
                    .createdAt(clock.instant())
                    .payloads(written)
                    .build();
            disclosure.refusal(message).ifPresent(reason -> {
                throw new ConnectorException(ErrorCode.PART_NOT_FOR_RECIPIENT, "businessContent", reason);
            });
            mayBeStored = true;
            boolean inserted = store.insert(message, "submitted by back-end " + request.backendName()
                    + (recipient.note() == null ? "" : "; " + recipient.note()));
            mayBeStored = false;
            if (!inserted) {
                throw duplicate(backendMessageId);
            }
            written.clear(); // stored for good from here on
            publish(message);
            return message;
        } catch (IOException e) {
            throw new ConnectorException(ErrorCode.MALFORMED_REQUEST, null, "a payload could not be read", e);
        } finally {
            // An insert that failed may have committed all the same (the connection broke before the answer): its
            // payloads stay, an orphan at worst, never a stored message without its bytes.
            if (!mayBeStored) {
                written.forEach(payloads::delete);
            }
        }
    }

    /**
     * The partner the back-end names by party id, or the one serving the competent authority it names by competence:
     * one or the other, and a final recipient only with a party (the directory gives the authority's own).
     */
    private RecipientResolution.Recipient recipient(SubmissionRequest request, BusinessService service,
                                                    String action) {
        if (request.recipient() == null) {
            return recipients.byParty(token("toPartyId", request.toPartyId()),
                    token("finalRecipient", request.finalRecipient()), service, action);
        }
        if (!blank(request.toPartyId()) || !blank(request.finalRecipient())) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "recipient", "name the recipient by toPartyId and "
                    + "finalRecipient, or by recipient (the directory finds both), not both ways");
        }
        return recipients.byCompetence(request.recipient(), service, action);
    }

    /**
     * Refuses, before anything is stored, what the database, the container or the receiving access point would refuse
     * later: too many attachments, a file name the container cannot hold (or two that would be one file), a MIME type
     * that is too long or not one.
     */
    private void checkParts(SubmissionRequest request) {
        if (request.attachments().size() > MAX_ATTACHMENTS) {
            throw tooManyAttachments(request.attachments().size(), MAX_ATTACHMENTS);
        }
        mimeType("businessContent", request.businessContent());
        name(request, "businessContent", request.businessContent());
        List<PartName> inContainer = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        if (request.businessDocument() != null) {
            inContainer.add(name(request, "businessDocument", request.businessDocument()));
            fields.add("businessDocument");
            mimeType("businessDocument", request.businessDocument());
        }
        if (request.detachedSignature() != null) {
            inContainer.add(name(request, "detachedSignature", request.detachedSignature()));
            fields.add("detachedSignature");
            mimeType("detachedSignature", request.detachedSignature());
        }
        for (int i = 0; i < request.attachments().size(); i++) {
            String field = "attachments[" + i + "]";
            inContainer.add(name(request, field, request.attachments().get(i)));
            fields.add(field);
            mimeType(field, request.attachments().get(i));
        }
        for (int i = 0; i < inContainer.size(); i++) {
            PartName name = inContainer.get(i);
            if (name.isReserved()) {
                throw new ConnectorException(ErrorCode.INVALID_FIELD, fields.get(i), "the file name of " + fields.get(i)
                        + " is the container's own " + PartName.TRUST_OK_TOKEN_PDF);
            }
            for (int j = 0; j < i; j++) {
                if (name.clashesWith(inContainer.get(j))) {
                    throw new ConnectorException(ErrorCode.INVALID_FIELD, fields.get(i), "the file name of "
                            + fields.get(i) + " is that of " + fields.get(j) + " (compared ignoring case)");
                }
            }
        }
    }

    /** The refusal of a submission with {@code count} attachments where {@code max} are allowed. */
    public static ConnectorException tooManyAttachments(int count, int max) {
        return new ConnectorException(ErrorCode.TOO_MANY_PARTS, "attachments", "a submission has at most " + max
                + " attachments, this one has " + (count > max ? count : "more"));
    }

    /**
     * The name the payload is stored and sent under: the back-end's file name, or the field's name. An unusable one is
     * a security event: a path, a control or a bidirectional character in a file name is rarely an accident.
     */
    private PartName name(SubmissionRequest request, String field, PayloadUpload upload) {
        String name = blank(upload.name()) ? field : upload.name();
        String problem = PartName.problem(name);
        if (problem != null) {
            security.record(SecurityEvents.Kind.UNSAFE_INPUT, "the file name of " + field + " from back-end "
                    + request.backendName() + " refused: " + problem);
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, "the file name of " + field
                    + " cannot be used: " + problem);
        }
        return new PartName(name);
    }

    private static void mimeType(String field, PayloadUpload upload) {
        String mimeType = upload.mimeType();
        if (blank(mimeType)) {
            return; // the field's default applies
        }
        if (mimeType.length() > MAX_MIME_TYPE_LENGTH) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, "the content type of " + field
                    + " is longer than " + MAX_MIME_TYPE_LENGTH + " characters");
        }
        if (!MIME_TYPE.matcher(mimeType).matches()) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field, "the content type of " + field
                    + " is not a MIME type (type/subtype; parameters)");
        }
    }

    private void publish(ConnectorMessage message) {
        try {
            bus.publish(Topology.SUBMITTED.next(), message.connectorMessageId(), message.conversationId());
        } catch (ConnectorException e) {
            // The message is stored; the stalled-work sweep queues it again, so the back-end keeps its acceptance.
            LOG.warn("message {} stored but not queued yet: {}", message.connectorMessageId(), e.getMessage());
        }
    }

    /**
     * Stores one payload, within the payload limit and what is left of the message's.
     *
     * @param earlier the payloads of this message stored before it
     * @param offSystem the record of a transmission by another channel, begun for a refusal for size
     */
    private PayloadRef write(PayloadKind kind, String field, PayloadUpload upload, String defaultMimeType,
                             List<PayloadRef> earlier, TransmissionRecordRequest offSystem) throws IOException {
        String name = blank(upload.name()) ? field : upload.name();
        String mimeType = blank(upload.mimeType()) ? defaultMimeType : upload.mimeType();
        long left = limits.maxMessageBytes() - earlier.stream().mapToLong(PayloadRef::size).sum();
        long limit = Math.min(limits.maxPayloadBytes(), left);
        try (InputStream in = upload.content().open()) {
            return payloads.write(kind, name, mimeType, in, limit);
        } catch (ConnectorException e) {
            if (e.code() == ErrorCode.PAYLOAD_TOO_LARGE) {
                String detail = limit < limits.maxPayloadBytes()
                        ? field + " makes the message's payloads together larger than the limit of "
                                + limits.maxMessageBytes() + " bytes"
                        : field + " is larger than the limit of " + limits.maxPayloadBytes() + " bytes";
                TransmissionRecordRequest record = new TransmissionRecordRequest(null, offSystem.conversationId(),
                        null, null, offSystem.sender(), offSystem.recipient(), name, null, offSystem.reason(), null,
                        null, null, offSystem.instrument(), offSystem.form(), null, null, null);
                throw new TooLargeForTheSystem(field, detail + "; " + TOO_LARGE_FOR_ECODEX, record, e);
            }
            throw e;
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static ConnectorException duplicate(String backendMessageId) {
        return new ConnectorException(ErrorCode.DUPLICATE_BACKEND_MESSAGE_ID, "backendMessageId",
                "backendMessageId '" + backendMessageId + "' was already submitted by this back-end");
    }

    private static String token(String field, String value) {
        if (blank(value)) {
            throw new ConnectorException(ErrorCode.MISSING_FIELD, field, field + " is required");
        }
        if (!TOKEN.matcher(value).matches()) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, field,
                    field + " must be 1 to 255 printable characters");
        }
        return value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
