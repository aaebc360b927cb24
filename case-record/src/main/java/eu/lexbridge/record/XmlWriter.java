package eu.lexbridge.record;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the small XML documents of the case record (a record, a message's metadata, a timeline): UTF-8, one element
 * per line, indented, every value escaped by the writer; an absent value writes no element.
 */
public final class XmlWriter {

    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter xml;
    private int depth;

    /** Starts a document whose root is {@code root} in {@code namespace}, as the default namespace. */
    public XmlWriter(String root, String namespace) {
        try {
            xml = OUTPUT.createXMLStreamWriter(bytes, StandardCharsets.UTF_8.name());
            xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("", root, namespace);
            xml.writeDefaultNamespace(namespace);
            depth = 1;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An element with text, or nothing when {@code value} is null. */
    public XmlWriter element(String name, Object value) {
        return value == null ? this : element(name, value, null, null);
    }

    /** An element with text and one attribute. */
    public XmlWriter element(String name, Object value, String attribute, Object attributeValue) {
        try {
            indent();
            xml.writeStartElement(name);
            if (attribute != null && attributeValue != null) {
                xml.writeAttribute(attribute, attributeValue.toString());
            }
            if (value != null) {
                xml.writeCharacters(value.toString());
            }
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Opens an element that holds others. */
    public XmlWriter start(String name) {
        try {
            indent();
            xml.writeStartElement(name);
            depth++;
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** An attribute of the element just opened. */
    public XmlWriter attribute(String name, Object value) {
        try {
            if (value != null) {
                xml.writeAttribute(name, value.toString());
            }
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    public XmlWriter end() {
        try {
            depth--;
            indent();
            xml.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    /** Closes the root and answers the document. */
    public byte[] toBytes() {
        try {
            depth = 0;
            indent();
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
            return bytes.toByteArray();
        } catch (XMLStreamException e) {
            throw failed(e);
        }
    }

    private void indent() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    private static IllegalStateException failed(XMLStreamException e) {
        return new IllegalStateException("an XML document of the case record could not be written", e);
    }
}
