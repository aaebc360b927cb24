package eu.lexbridge.core.xml;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one way the connector reads XML from outside as a stream: namespace-aware, no DTD, no external entity, no entity
 * replacement, so that a document cannot reach the file system or the network, nor expand itself (XXE, billion laughs).
 * A DOCTYPE still shows as a {@link XMLStreamReader#DTD} event, for a reader that refuses documents that carry one.
 */
public final class SecureStax {

    private static final XMLInputFactory FACTORY = factory();

    private SecureStax() {
    }

    /** A reader over {@code in}; the caller closes both. */
    public static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }
}
