package eu.lexbridge.trust.xml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerFactory;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.SAXNotRecognizedException;
import org.xml.sax.SAXNotSupportedException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * The one place trust-store sets up an XML parser, schema compiler or serialiser, so that every document from outside
 * is read closed to XML attacks the same way: the JDK's own implementations (the protections do not depend on what
 * else is on the class path), no DTD processed and a DOCTYPE refused, no external entity, DTD or schema fetched, and
 * the JDK's secure-processing limits (entity expansion, attribute count, name length) wherever a factory takes them;
 * the JDK's StAX parser applies the same limits by default.
 *
 * <p>What a refusal is called stays with the caller (an unreadable evidence, a refused token, an unusable document):
 * the methods that find a DOCTYPE take the exception to throw, or answer whether there is one.
 */
public final class SecureXmlInput {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";

    private SecureXmlInput() {
    }

    /**
     * The StAX parser for documents from outside: no DTD processing, no external entity, DTD or schema is fetched. It
     * still reports a DOCTYPE as an event; {@link #reader(InputStream, Supplier)} refuses it.
     */
    public static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * A StAX reader over {@link #factory()} that throws {@code refusal}'s exception when the document has a DOCTYPE,
     * before any of its content is read: no document trust-store reads needs one.
     *
     * @param in the document, which the caller closes
     * @param refusal the exception to throw for a DOCTYPE, in the caller's terms
     */
    public static XMLStreamReader reader(InputStream in, Supplier<? extends RuntimeException> refusal)
            throws XMLStreamException {
        Objects.requireNonNull(refusal, "refusal");
        return new StreamReaderDelegate(factory().createXMLStreamReader(in)) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.DTD) {
                    throw refusal.get();
                }
                return event;
            }
        };
    }

    /**
     * A namespace-aware SAX reader that refuses a DOCTYPE with a fatal error ({@link #isDoctypeRefusal}) and fetches
     * nothing.
     */
    public static XMLReader saxReader() throws SAXException {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return reader;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's SAX parser lacks a security feature", e);
        }
    }

    /** Whether the SAX reader's error is its refusal of a DOCTYPE. */
    public static boolean isDoctypeRefusal(SAXParseException e) {
        return e.getMessage() != null && e.getMessage().contains("DOCTYPE");
    }

    /**
     * A schema factory that loads nothing from outside by itself: every schema document comes through the resource
     * resolver the caller sets.
     */
    public static SchemaFactory schemaFactory() {
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXNotRecognizedException | SAXNotSupportedException e) {
            throw new IllegalStateException("The JDK's schema factory lacks a security feature", e);
        }
        return factory;
    }

    /**
     * A namespace-aware DOM factory that refuses a DOCTYPE, expands no entity reference and includes nothing; used to
     * build documents here and to parse them alike.
     */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's DOM parser lacks a security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** A new, empty, namespace-aware DOM document. */
    public static Document newDocument() {
        try {
            return documentBuilderFactory().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("No namespace-aware DOM available", e);
        }
    }

    /** A serialiser that fetches nothing a stylesheet or document could name. */
    public static TransformerFactory transformerFactory() {
        TransformerFactory factory = TransformerFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("The JDK's transformer lacks a security feature", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return factory;
    }

    /**
     * Whether XML starts with a DOCTYPE in its prolog (after an optional UTF-8 byte order mark, white space, the XML
     * declaration, processing instructions and comments), read from the first bytes only: for documents handed whole
     * to a library (DSS) whose parser settings are not ours. Input that does not start like XML is no DOCTYPE.
     *
     * @param in the document's first bytes; read only as far as the prolog goes, not closed
     */
    public static boolean startsWithDoctype(InputStream in) throws IOException {
        int c = in.read();
        if (c == 0xEF) { // UTF-8 byte order mark
            in.read();
            in.read();
            c = in.read();
        }
        while (true) {
            while (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                c = in.read();
            }
            if (c != '<') {
                return false;
            }
            int next = in.read();
            if (next == '?') {
                if (!skipPast(in, "?>")) {
                    return false;
                }
            } else if (next == '!') {
                // Two bytes first: a comment as short as <!--x--> must not have its end read past.
                String word = new String(in.readNBytes(2), StandardCharsets.US_ASCII);
                if (word.equals("--")) {
                    if (!skipPast(in, "-->")) {
                        return false;
                    }
                } else {
                    return (word + new String(in.readNBytes(5), StandardCharsets.US_ASCII))
                            .equalsIgnoreCase("DOCTYPE");
                }
            } else {
                return false; // the root element: the prolog is over
            }
            c = in.read();
        }
    }

    private static boolean skipPast(InputStream in, String end) throws IOException {
        int matched = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (c == end.charAt(matched)) {
                matched++;
                if (matched == end.length()) {
                    return true;
                }
            } else {
                matched = c == end.charAt(0) ? 1 : 0;
            }
        }
        return false;
    }
}
