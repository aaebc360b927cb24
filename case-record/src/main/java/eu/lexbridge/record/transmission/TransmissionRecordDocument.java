package eu.lexbridge.record.transmission;

import eu.lexbridge.core.record.TransmissionRecord;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The record as a document of its own, which the connector seals and files: every field, the cause in words, who
 * recorded it and when. The seal makes it evidence in the same way as an ETSI-REM evidence; the layout is ours
 * (namespace {@value #NAMESPACE}), as no e-CODEX document records a transmission outside the system.
 */
public final class TransmissionRecordDocument {

    public static final String NAMESPACE = "urn:lexbridge:case-record:transmission:1";
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private TransmissionRecordDocument() {
    }

    /** The unsealed document, UTF-8, indented. */
    public static byte[] write(TransmissionRecord record) {
        var bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = OUTPUT.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("", "TransmissionRecord", NAMESPACE);
            xml.writeDefaultNamespace(NAMESPACE);
            element(xml, "RecordId", record.recordId());
            element(xml, "Conversation", record.conversationId());
            element(xml, "RelatedMessage", record.relatedMessageId());
            element(xml, "TransmittedAt", record.transmittedAt());
            element(xml, "Sender", record.sender());
            element(xml, "Recipient", record.recipient());
            element(xml, "FileName", record.fileName());
            element(xml, "FileSize", record.fileSize());
            xml.writeCharacters("\n  ");
            xml.writeStartElement("Reason");
            xml.writeAttribute("code", record.reason().code());
            xml.writeCharacters(record.reason().description());
            xml.writeEndElement();
            element(xml, "Channel", record.channel());
            xml.writeCharacters("\n  ");
            xml.writeStartElement("ContentDigest");
            xml.writeAttribute("algorithm", record.contentHash().algorithm());
            xml.writeCharacters(record.contentHash().value());
            xml.writeEndElement();
            element(xml, "Instrument", record.instrument());
            element(xml, "Form", record.form());
            element(xml, "Corrects", record.corrects());
            element(xml, "Note", record.note());
            element(xml, "RecordedBy", record.backendName());
            element(xml, "Operator", record.operator());
            element(xml, "BackendRecordId", record.backendRecordId());
            element(xml, "RecordedAt", record.recordedAt());
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("the record document could not be written", e);
        }
        return bytes.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeCharacters("\n  ");
        xml.writeStartElement(name);
        xml.writeCharacters(value.toString());
        xml.writeEndElement();
    }
}
