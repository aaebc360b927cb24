package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.RemVocabulary.DSIG_NS;
import static eu.lexbridge.trust.evidence.RemVocabulary.REM_NS;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.Reason;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.EvidenceFactory;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Writes ETSI TS 102 640 v2 evidence documents laid out as the official e-CODEX connector writes them (SPOCS model,
 * JAXB-marshalled, pretty-printed): same root elements, namespace declarations, element order and quirks
 * ({@code http:uri.etsi.org/...} event codes, the literal "displayName").
 *
 * <p>Where the official layout breaks the ETSI TS 102 640 v2 schema, ours adds what the schema requires and the
 * official JAXB model (generated from that schema) reads, and removes or reorders nothing else, so that our
 * evidences validate ({@link RemEvidenceSchema}) and stay readable by the official connector:
 * <ul>
 *   <li>the root {@code Id} is {@code id-} and the evidence UUID: the schema types it xs:ID, an NCName, which a
 *       UUID starting with a digit is not;</li>
 *   <li>SenderMessageDetails starts with the required MessageSubject: the service and action of the message;</li>
 *   <li>the recipient's EntityName has the required Name (the recipient's identifier), where the official
 *       connector writes an empty EntityName;</li>
 *   <li>the issuer has no PostalAddress, as the official connector writes it when no address is configured: with
 *       its default configuration it writes empty StreetAddress, Locality, PostalCode and CountryName, which the
 *       schema refuses (non-empty strings), and an invented address has no place in a legal evidence.</li>
 * </ul>
 *
 * <p>The document is not sealed: {@link eu.lexbridge.trust.port.SealedEvidenceFactory} adds the enveloped XAdES signature through
 * {@link EvidenceSealer}. Only message metadata goes in — ids, addresses, times and the SHA-256 of the business
 * document as already recorded in its {@link PayloadRef} — never payload content.
 *
 * <p>The indentation follows the official sample file. That file was indented after it was signed (its signature
 * verifies only without the whitespace), so the official connector itself writes evidences without indentation;
 * whitespace is covered by the seal either way and changes nothing for a verifier.
 */
public final class RemEvidenceFactory implements EvidenceFactory {

    /** The official connector writes this placeholder as DisplayName of every sender and recipient address. */
    private static final String DISPLAY_NAME = "displayName";
    private static final String SCHEME = "mailto";
    /** Makes the root Id an NCName (xs:ID) whatever the UUID starts with; DSS's own ids in the seal look alike. */
    static final String ID_PREFIX = "id-";
    /** The connector's digest-algorithm setting is written as a plain name (the official sample shows "MD5"). */
    private static final String DIGEST_ALGORITHM = "SHA256";
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    /** xs:dateTime as JAXB writes it: milliseconds and the offset of the configured zone. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final String issuerName;
    private final String issuerAddress;
    private final ZoneId zone;

    /**
     * @param issuerName the name of this connector's party as evidence issuer (the AS4 party name)
     * @param issuerAddress its electronic address (the AS4 endpoint address)
     * @param zone the zone event times are written in
     */
    public RemEvidenceFactory(String issuerName, String issuerAddress, ZoneId zone) {
        this.issuerName = requireText(issuerName, "issuerName");
        this.issuerAddress = requireText(issuerAddress, "issuerAddress");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * {@inheritDoc}
     *
     * <p>For a negative type the reason becomes the EventReason: its rejection code is the Code and its detail the
     * Details; without a reason the Code is E100 (unspecific processing error) and there are no Details. A reason
     * given with a positive type is ignored, as the official connector does.
     */
    @Override
    public byte[] create(EvidenceType type, UUID evidenceId, ConnectorMessage subject, Instant at, Reason reason) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(evidenceId, "evidenceId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            // The JDK's own StAX writer, not whatever is on the class path, so the bytes do not change with it.
            IndentingXmlWriter xml = new IndentingXmlWriter(
                    XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8"));
            xml.startDocument();
            startRoot(xml, type, evidenceId);
            xml.leaf("EventCode", RemVocabulary.eventCode(type));
            if (!type.isPositive()) {
                eventReasons(xml, reason);
            }
            xml.leaf("EvidenceIdentifier", evidenceId.toString());
            xml.start("EvidenceIssuerPolicyID");
            xml.leaf("PolicyID", RemVocabulary.POLICY_ID);
            xml.end();
            issuerDetails(xml);
            xml.leaf("EventTime", dateTime(at));
            if (RemVocabulary.isSubmission(type)) {
                xml.leaf("SubmissionTime", dateTime(subject.createdAt()));
            }
            String sender = orElse(subject.originalSender(), subject.from().partyId());
            String recipient = orElse(subject.finalRecipient(), subject.to().partyId());
            replyToAddress(xml, sender);
            senderDetails(xml, sender);
            recipientsDetails(xml, recipient);
            senderMessageDetails(xml, subject);
            xml.end();
            xml.endDocument();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write " + type + " evidence " + evidenceId, e);
        }
        return out.toByteArray();
    }

    /** The same namespace declarations, in the same order, as the JAXB context of the official connector. */
    private static void startRoot(IndentingXmlWriter xml, EvidenceType type, UUID evidenceId)
            throws XMLStreamException {
        xml.start("", RemVocabulary.rootElement(type), REM_NS);
        xml.defaultNamespace(REM_NS);
        xml.namespace("ns2", "http://uri.etsi.org/02231/v2#");
        xml.namespace("ns3", DSIG_NS);
        xml.namespace("ns4", "http://uri.etsi.org/01903/v1.3.2#");
        xml.namespace("ns5", "urn:oasis:names:tc:SAML:2.0:assertion");
        xml.namespace("ns6", "http://www.w3.org/2001/04/xmlenc#");
        xml.namespace("ns7", "http://uri.etsi.org/02640/soapbinding/v1#");
        xml.namespace("xmime", "http://www.w3.org/2005/05/xmlmime");
        xml.attribute("Id", ID_PREFIX + evidenceId);
        xml.attribute("version", RemVocabulary.VERSION);
    }

    /** ETSI order: EventReasons comes right after EventCode. */
    private static void eventReasons(IndentingXmlWriter xml, Reason reason) throws XMLStreamException {
        xml.start("EventReasons");
        xml.start("EventReason");
        xml.leaf("Code", (reason == null ? RejectionReason.OTHER : reason.code()).code());
        // an empty detail (e.g. a gateway that gave no words) writes no Details, as the official connector does
        String details = reason == null ? "" : reason.detail().strip();
        if (!details.isEmpty()) {
            xml.leaf("Details", details);
        }
        xml.end();
        xml.end();
    }

    /**
     * Name without postal address: what the official connector writes when no postal address is configured (its
     * default, empty settings give empty address fields, which the schema refuses).
     */
    private void issuerDetails(IndentingXmlWriter xml) throws XMLStreamException {
        xml.start("EvidenceIssuerDetails");
        xml.start("NamesPostalAddresses");
        xml.start("NamePostalAddress");
        xml.start("EntityName");
        xml.leaf("Name", issuerName);
        xml.end();
        xml.end();
        xml.end();
        xml.start("AttributedElectronicAddress");
        xml.attribute("scheme", SCHEME);
        xml.text(issuerAddress);
        xml.end();
        xml.end();
    }

    private static void replyToAddress(IndentingXmlWriter xml, String sender) throws XMLStreamException {
        xml.start("ReplyToAddress");
        xml.attribute("DisplayName", DISPLAY_NAME);
        xml.attribute("scheme", SCHEME);
        xml.text(sender);
        xml.end();
    }

    private static void senderDetails(IndentingXmlWriter xml, String sender) throws XMLStreamException {
        xml.start("SenderDetails");
        address(xml, sender);
        xml.end();
    }

    /**
     * The recipient carries an entity name before its address, as in the official connector; where the official
     * leaves it empty, the schema requires a Name, and the only name we know for the recipient is its identifier.
     */
    private static void recipientsDetails(IndentingXmlWriter xml, String recipient) throws XMLStreamException {
        xml.start("RecipientsDetails");
        xml.start("EntityDetails");
        xml.start("NamesPostalAddresses");
        xml.start("NamePostalAddress");
        xml.start("EntityName");
        xml.leaf("Name", recipient);
        xml.end();
        xml.end();
        xml.end();
        address(xml, recipient);
        xml.end();
        xml.end();
    }

    private static void address(IndentingXmlWriter xml, String address) throws XMLStreamException {
        xml.start("AttributedElectronicAddress");
        xml.attribute("DisplayName", DISPLAY_NAME);
        xml.text(address);
        xml.end();
    }

    /**
     * ETSI MessageDetailsType order: MessageSubject, UAMessageIdentifier, MessageIdentifierByREMMD, ds:DigestMethod,
     * ds:DigestValue. The official connector leaves out MessageSubject, which the schema requires (its SPOCS code
     * once took the subject of the dispatched message); an e-CODEX message has no subject line, so it is what the
     * message is: its service and action, e.g. "EPO/Form_A". The official connector copies SenderMessageDetails
     * into the evidences it builds on ours, so the subject travels on unchanged.
     */
    private static void senderMessageDetails(IndentingXmlWriter xml, ConnectorMessage subject)
            throws XMLStreamException {
        xml.start("SenderMessageDetails");
        xml.attribute("isNotification", "false");
        xml.leaf("MessageSubject", messageSubject(subject));
        xml.leaf("UAMessageIdentifier", orElse(subject.backendMessageId(), subject.ebmsMessageId()));
        xml.leaf("MessageIdentifierByREMMD", subject.ebmsMessageId());
        Optional<byte[]> digest = businessDocumentDigest(subject);
        if (digest.isPresent()) {
            xml.empty("ns3", "DigestMethod", DSIG_NS);
            xml.attribute("Algorithm", DIGEST_ALGORITHM);
            xml.start("ns3", "DigestValue", DSIG_NS);
            xml.text(Base64.getEncoder().encodeToString(digest.get()));
            xml.end();
        }
        xml.end();
    }

    /** The hash of the business document: the PDF (or signed document), else the XML content, as the official does. */
    private static Optional<byte[]> businessDocumentDigest(ConnectorMessage subject) {
        return subject.payload(PayloadKind.BUSINESS_DOCUMENT)
                .or(() -> subject.payload(PayloadKind.BUSINESS_CONTENT))
                .map(PayloadRef::sha256)
                .filter(hex -> SHA256_HEX.matcher(hex).matches())
                .map(hex -> HexFormat.of().parseHex(hex));
    }

    static String messageSubject(ConnectorMessage message) {
        return message.service().value() + "/" + message.action();
    }

    private String dateTime(Instant instant) {
        return DATE_TIME.format(instant.atZone(zone));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
