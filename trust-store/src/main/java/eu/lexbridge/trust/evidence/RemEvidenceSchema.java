package eu.lexbridge.trust.evidence;

import eu.lexbridge.trust.xml.SecureXmlInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Validates an evidence document against the ETSI TS 102 640 v2 schema (with XAdES 1.3.2, XML-DSig, TS 102 231 and
 * SAML 2.0, all from the class path), the schema the official e-CODEX connector generates its JAXB model from.
 *
 * <p>Why a separate check, and not part of {@link RemEvidenceReader} or {@link EvidenceVerifier}: the official
 * connector's own evidences are not schema-valid (no MessageSubject, no Name in the recipient's EntityName, empty
 * postal address fields, and in its 2017 sample no MessageIdentifierByREMMD and an empty SigningCertificate), and
 * JAXB reads them regardless. Refusing incoming evidences for that would break interoperability; this check tells
 * whether a document is valid, for our own output and for a person looking at a file.
 *
 * <p>The schema is compiled once per class loader and shared: a {@link Schema} is immutable and thread-safe, each
 * call gets its own validator. Parsing is closed like the reader's: no DTD (a DOCTYPE is refused), no external
 * entity or schema, and {@code xsi:schemaLocation} hints in the document are not followed.
 */
public final class RemEvidenceSchema {

    /** Enough to see what is wrong; a hostile document cannot make the list grow without bound. */
    static final int MAX_PROBLEMS = 100;

    private static final RemEvidenceSchema INSTANCE = new RemEvidenceSchema(compile());

    private final Schema schema;

    private RemEvidenceSchema(Schema schema) {
        this.schema = schema;
    }

    /** The shared, compiled schema. The first call compiles it (a few hundred milliseconds). */
    public static RemEvidenceSchema instance() {
        return INSTANCE;
    }

    /**
     * @return every schema violation found, in document order (at most {@value #MAX_PROBLEMS}); empty when the
     *     document is valid
     * @throws UnreadableEvidenceException when the document is not well-formed XML or has a DOCTYPE
     */
    public List<SchemaProblem> validate(byte[] document) {
        Objects.requireNonNull(document, "document");
        return validate(new ByteArrayInputStream(document));
    }

    /** As {@link #validate(byte[])}, from a stream the caller closes. */
    public List<SchemaProblem> validate(InputStream document) {
        Objects.requireNonNull(document, "document");
        ValidatorHandler validator = schema.newValidatorHandler();
        validator.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
            throw new IllegalStateException("An evidence document cannot make the validator load " + systemId);
        });
        ElementPath path = new ElementPath(validator);
        Problems problems = new Problems(path);
        validator.setErrorHandler(problems);
        try {
            XMLReader reader = SecureXmlInput.saxReader();
            reader.setContentHandler(path);
            reader.setErrorHandler(new WellFormedness());
            reader.parse(new InputSource(document));
        } catch (SAXParseException e) {
            throw new UnreadableEvidenceException(SecureXmlInput.isDoctypeRefusal(e) ? RemEvidenceReader.DOCTYPE_REFUSED
                    : "The evidence document is not well-formed XML at line " + e.getLineNumber() + ", column "
                            + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (TooManyProblems e) {
            // the first MAX_PROBLEMS are kept
        } catch (SAXException e) {
            throw new UnreadableEvidenceException("The evidence document cannot be parsed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the evidence document", e);
        }
        return List.copyOf(problems.found);
    }

    /** Whether the document is schema-valid; not well-formed or a DOCTYPE counts as not valid. */
    public boolean isValid(byte[] document) {
        try {
            return validate(document).isEmpty();
        } catch (UnreadableEvidenceException e) {
            return false;
        }
    }

    private static Schema compile() {
        SchemaFactory factory = SecureXmlInput.schemaFactory();
        try {
            factory.setResourceResolver(new RemSchemaResources());
            // A schema that cannot be read is only a warning to the factory; here it must stop the compilation.
            factory.setErrorHandler(new WellFormedness() {
                @Override
                public void warning(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            URL main = RemSchemaResources.url(RemSchemaResources.MAIN);
            try (InputStream in = RemSchemaResources.open(main, RemSchemaResources.MAIN)) {
                return factory.newSchema(new StreamSource(in, main.toExternalForm()));
            }
        } catch (SAXException e) {
            throw new IllegalStateException("The ETSI TS 102 640 v2 schema does not compile: " + e, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the ETSI TS 102 640 v2 schema", e);
        }
    }

    /** Collects the validator's findings with the element they were found at. */
    private static final class Problems implements ErrorHandler {

        private final ElementPath path;
        private final List<SchemaProblem> found = new ArrayList<>();

        Problems(ElementPath path) {
            this.path = path;
        }

        @Override
        public void warning(SAXParseException e) {
            // schema warnings say nothing about validity
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            found.add(new SchemaProblem(e.getLineNumber(), e.getColumnNumber(), path.toString(), e.getMessage()));
            if (found.size() >= MAX_PROBLEMS) {
                throw new TooManyProblems();
            }
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            error(e);
        }
    }

    /** The parser's own errors: a document that is not well-formed is not validated further. */
    private static class WellFormedness implements ErrorHandler {

        @Override
        public void warning(SAXParseException e) throws SAXException {
            // nothing a non-validating parser warns about matters here
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }

    private static final class TooManyProblems extends SAXException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Passes the parser's events to the validator and keeps the path of the current element, so that a problem can
     * name where it is. The element is entered before the validator sees its start and left after it saw its end.
     */
    private static final class ElementPath implements ContentHandler {

        private final ContentHandler next;
        private final Deque<String> elements = new ArrayDeque<>();

        ElementPath(ContentHandler next) {
            this.next = next;
        }

        @Override
        public String toString() {
            StringBuilder path = new StringBuilder();
            elements.descendingIterator().forEachRemaining(name -> path.append('/').append(name));
            return path.toString();
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            elements.push(qName);
            next.startElement(uri, localName, qName, atts);
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            next.endElement(uri, localName, qName);
            elements.pop();
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            next.setDocumentLocator(locator);
        }

        @Override
        public void startDocument() throws SAXException {
            next.startDocument();
        }

        @Override
        public void endDocument() throws SAXException {
            next.endDocument();
        }

        @Override
        public void startPrefixMapping(String prefix, String uri) throws SAXException {
            next.startPrefixMapping(prefix, uri);
        }

        @Override
        public void endPrefixMapping(String prefix) throws SAXException {
            next.endPrefixMapping(prefix);
        }

        @Override
        public void characters(char[] ch, int start, int length) throws SAXException {
            next.characters(ch, start, length);
        }

        @Override
        public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
            next.ignorableWhitespace(ch, start, length);
        }

        @Override
        public void processingInstruction(String target, String data) throws SAXException {
            next.processingInstruction(target, data);
        }

        @Override
        public void skippedEntity(String name) throws SAXException {
            next.skippedEntity(name);
        }
    }
}
