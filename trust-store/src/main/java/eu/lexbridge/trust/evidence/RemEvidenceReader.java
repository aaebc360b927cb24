package eu.lexbridge.trust.evidence;

import static eu.lexbridge.trust.evidence.RemVocabulary.DSIG_NS;
import static eu.lexbridge.trust.evidence.RemVocabulary.REM_NS;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.trust.xml.SecureXmlInput;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an ETSI TS 102 640 v2 evidence document, ours or the official connector's, into a
 * {@link RemEvidenceSummary}. It does not verify the signature: {@link EvidenceVerifier} does.
 *
 * <p>Evidences arrive from other Member States, so parsing is closed to XML attacks: no DTD is processed, no
 * external entity or schema is fetched, and a document that has a DOCTYPE at all is refused, since no evidence
 * needs one.
 */
public final class RemEvidenceReader {

    static final String DOCTYPE_REFUSED = "The evidence document has a DOCTYPE; documents with a DTD are refused";

    /**
     * @throws UnreadableEvidenceException when the document is not well-formed, has a DOCTYPE, is not a known ETSI-REM
     *     evidence, or lacks EvidenceIdentifier, EventTime or EventCode
     */
    public RemEvidenceSummary read(byte[] document) {
        Objects.requireNonNull(document, "document");
        return read(new ByteArrayInputStream(document));
    }

    /** Reads from a stream, which the caller closes. */
    public RemEvidenceSummary read(InputStream document) {
        Objects.requireNonNull(document, "document");
        XMLStreamReader xml = null;
        try {
            xml = SecureXmlInput.reader(document, RemEvidenceReader::doctypeRefused);
            return summarise(xml);
        } catch (XMLStreamException e) {
            throw new UnreadableEvidenceException("The evidence document cannot be parsed: " + e.getMessage(), e);
        } finally {
            close(xml);
        }
    }

    private static RemEvidenceSummary summarise(XMLStreamReader xml) throws XMLStreamException {
        String root = null;
        String evidenceId = null;
        String eventCode = null;
        String eventTime = null;
        String uaMessageId = null;
        String remmdMessageId = null;
        boolean signed = false;
        boolean inSenderMessageDetails = false;
        int depth = 0;

        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                if (depth == 2) {
                    inSenderMessageDetails = false;
                }
                depth--;
                continue;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            depth++;
            String namespace = xml.getNamespaceURI();
            String name = xml.getLocalName();
            if (depth == 1) {
                if (!REM_NS.equals(namespace) || !RemVocabulary.isRootElement(name)) {
                    throw new UnreadableEvidenceException("Not an ETSI TS 102 640 v2 evidence: the root element is {"
                            + namespace + "}" + name);
                }
                root = name;
            } else if (depth == 2 && DSIG_NS.equals(namespace) && "Signature".equals(name)) {
                signed = true;
            } else if (depth == 2 && REM_NS.equals(namespace)) {
                switch (name) {
                    case "EventCode" -> eventCode = text(xml);
                    case "EvidenceIdentifier" -> evidenceId = text(xml);
                    case "EventTime" -> eventTime = text(xml);
                    case "SenderMessageDetails" -> inSenderMessageDetails = true;
                    default -> { }
                }
            } else if (depth == 3 && inSenderMessageDetails && REM_NS.equals(namespace)) {
                switch (name) {
                    case "UAMessageIdentifier" -> uaMessageId = text(xml);
                    case "MessageIdentifierByREMMD" -> remmdMessageId = text(xml);
                    default -> { }
                }
            }
            if (xml.getEventType() == XMLStreamConstants.END_ELEMENT) {
                depth--; // text(...) consumed the element up to its end tag
            }
        }

        if (root == null) {
            throw new UnreadableEvidenceException("The evidence document has no root element");
        }
        if (evidenceId == null || evidenceId.isEmpty()) {
            throw new UnreadableEvidenceException("The " + root + " evidence has no EvidenceIdentifier");
        }
        if (eventTime == null || eventTime.isEmpty()) {
            throw new UnreadableEvidenceException("The " + root + " evidence has no EventTime");
        }
        String rootName = root;
        String code = eventCode;
        EvidenceType type = RemVocabulary.typeOf(root, eventCode).orElseThrow(() -> new UnreadableEvidenceException(
                "The " + rootName + " evidence has an unknown EventCode: " + code));
        return new RemEvidenceSummary(type, evidenceId, eventCode, instant(root, eventTime), uaMessageId,
                remmdMessageId, signed);
    }

    /** No evidence needs a DTD: one with a DOCTYPE is refused before anything in it is read. */
    static UnreadableEvidenceException doctypeRefused() {
        return new UnreadableEvidenceException(DOCTYPE_REFUSED);
    }

    private static String text(XMLStreamReader xml) throws XMLStreamException {
        return xml.getElementText().strip();
    }

    /** xs:dateTime; one without a zone, which xs:dateTime allows, is read as UTC rather than refused. */
    private static Instant instant(String root, String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new UnreadableEvidenceException("The " + root + " evidence has an EventTime that is not an "
                        + "xs:dateTime: " + value, e);
            }
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException ignored) {
                // Nothing was held open beyond the caller's stream, which the caller closes.
            }
        }
    }
}
