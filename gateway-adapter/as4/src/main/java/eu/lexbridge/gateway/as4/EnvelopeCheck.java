package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.trust.xml.SecureXmlInput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the spooled SOAP envelope once with a streaming parser before phase4 builds a DOM of it: it must be well-formed
 * XML without a DOCTYPE (no entities, no external references) whose root is a SOAP 1.1 or 1.2 Envelope. Anything else
 * is no AS4 message and is refused with 400, without phase4 ever seeing it.
 */
final class EnvelopeCheck {

    private static final Set<String> SOAP_NAMESPACES = Set.of("http://www.w3.org/2003/05/soap-envelope",
            "http://schemas.xmlsoap.org/soap/envelope/");
    /** Far above any real ebMS header (about 12 levels); a deeper document is an attack on the DOM builder. */
    private static final int MAX_DEPTH = 100;

    /** The project's one secure StAX set-up: the JDK's parser, no DTD processing, nothing external fetched. */
    private static final XMLInputFactory FACTORY = SecureXmlInput.factory();

    private EnvelopeCheck() {
    }

    /** @throws RequestRefused 400 naming what is wrong, as a sentence for the caller */
    static void check(Path envelope) throws RequestRefused, IOException {
        if (Files.size(envelope) == 0) {
            throw refused("The request carries no SOAP envelope.");
        }
        try (InputStream in = Files.newInputStream(envelope)) {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
            try {
                read(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            // RuntimeException: some StAX implementations report broken encodings that way.
            throw refused("The SOAP envelope is not well-formed XML.");
        }
    }

    private static void read(XMLStreamReader reader) throws XMLStreamException, RequestRefused {
        int depth = 0;
        boolean rootSeen = false;
        while (reader.hasNext()) {
            switch (reader.next()) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
                        throw refused("The SOAP envelope carries a DOCTYPE, which AS4 does not allow.");
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!rootSeen) {
                        rootSeen = true;
                        if (!"Envelope".equals(reader.getLocalName())
                                || !SOAP_NAMESPACES.contains(reader.getNamespaceURI())) {
                            throw refused("The request is not a SOAP envelope.");
                        }
                    }
                    if (++depth > MAX_DEPTH) {
                        throw refused("The SOAP envelope is nested deeper than " + MAX_DEPTH + " elements.");
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                    // text, comments, processing instructions: well-formedness is all we check here
                }
            }
        }
        if (!rootSeen) {
            throw refused("The request is not a SOAP envelope.");
        }
    }

    private static RequestRefused refused(String sentence) {
        return new RequestRefused(HttpServletResponse.SC_BAD_REQUEST, SecurityEvents.Kind.UNSAFE_INPUT, sentence);
    }
}
