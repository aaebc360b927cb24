package eu.lexbridge.core.testkit;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.transport.Partner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.UUID;

/**
 * Messages, parties and partners for tests: an Austrian connector ({@link #HOME}) exchanging with a German one
 * ({@link #GERMANY}). Each builder is filled in and may be changed before {@code build()}.
 */
public final class SampleMessages {

    public static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1";
    public static final String ROLE = "http://e-codex.eu/GW";
    public static final Party HOME = new Party("AT", PARTY_TYPE, ROLE);
    public static final Party GERMANY = new Party("DE", PARTY_TYPE, ROLE);
    public static final BusinessService SERVICE = new BusinessService("EPO", "urn:e-codex:services:");
    public static final String ACTION = "Form_A";
    public static final String BACKEND = "court-a";

    private static final X509Certificate CERTIFICATE = certificate();

    private SampleMessages() {
    }

    /** An outbound business message as a back-end submitted it: state SUBMITTED, business content only. */
    public static ConnectorMessage.Builder outbound(Instant createdAt) {
        return ConnectorMessage.builder()
                .kind(MessageKind.BUSINESS)
                .direction(Direction.OUTBOUND)
                .state(MessageState.SUBMITTED)
                .backendName(BACKEND)
                .backendMessageId("B-" + UUID.randomUUID())
                .ebmsMessageId(UUID.randomUUID() + "@lexbridge.at.test")
                .conversationId("conv-" + UUID.randomUUID())
                .service(SERVICE)
                .action(ACTION)
                .from(HOME)
                .to(GERMANY)
                .originalSender("urn:authority:prosecutor-at")
                .finalRecipient("urn:authority:court-de")
                .createdAt(createdAt)
                .addPayload(payload(PayloadKind.BUSINESS_CONTENT, "businessContent"));
    }

    /** An inbound business message as the access point received it: state RECEIVED, no back-end yet. */
    public static ConnectorMessage.Builder inbound(Instant createdAt) {
        return ConnectorMessage.builder()
                .kind(MessageKind.BUSINESS)
                .direction(Direction.INBOUND)
                .state(MessageState.RECEIVED)
                .ebmsMessageId(UUID.randomUUID() + "@lexbridge.de.test")
                .conversationId("conv-" + UUID.randomUUID())
                .service(SERVICE)
                .action(ACTION)
                .from(GERMANY)
                .to(HOME)
                .originalSender("urn:authority:prosecutor-de")
                .finalRecipient("urn:authority:court-at")
                .createdAt(createdAt)
                .addPayload(payload(PayloadKind.BUSINESS_CONTENT, "messageContent"));
    }

    /** The AS4 message that carries {@code type} about {@code subject} back to the party it came from or went to. */
    public static ConnectorMessage.Builder evidenceCarrier(ConnectorMessage subject, EvidenceType type,
                                                           Instant createdAt) {
        Party other = subject.direction() == Direction.INBOUND ? subject.from() : subject.to();
        return ConnectorMessage.builder()
                .kind(MessageKind.EVIDENCE)
                .direction(Direction.OUTBOUND)
                .state(MessageState.ACCEPTED)
                .backendName(subject.backendName())
                .ebmsMessageId(UUID.randomUUID() + "@lexbridge.at.test")
                .conversationId(subject.conversationId())
                .refToMessageId(subject.ebmsMessageId())
                .service(subject.service())
                .action(type.as4Action())
                .from(HOME)
                .to(other)
                .createdAt(createdAt)
                .addPayload(evidenceDocument(type));
    }

    /**
     * A reference to payload bytes that need not exist, for stores of messages only. Its size and digest are
     * placeholders.
     */
    public static PayloadRef payload(PayloadKind kind, String name) {
        return new PayloadRef(UUID.randomUUID().toString(), kind, name, "application/octet-stream", 42,
                "0".repeat(64));
    }

    /**
     * An evidence document reference as the flows make it: kind EVIDENCE, named after its type, XML. (The JDBC store
     * keeps only the document's id, type, MIME type, size and digest, and gives it back in this form.)
     */
    public static PayloadRef evidenceDocument(EvidenceType type) {
        return new PayloadRef(UUID.randomUUID().toString(), PayloadKind.EVIDENCE, type.payloadDescription(),
                "text/xml", 512, "1".repeat(64));
    }

    /** A partner with the party's id, an endpoint that is never called and a self-signed test certificate. */
    public static Partner partner(String name, Party party) {
        return new Partner(name, party, URI.create("https://" + party.partyId().toLowerCase() + ".example/as4"),
                CERTIFICATE);
    }

    /** The German connector. */
    public static Partner germany() {
        return partner("de-connector", GERMANY);
    }

    private static X509Certificate certificate() {
        try (InputStream pem = SampleMessages.class.getResourceAsStream("partner-de.pem")) {
            if (pem == null) {
                throw new IllegalStateException("partner-de.pem is missing beside " + SampleMessages.class);
            }
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
