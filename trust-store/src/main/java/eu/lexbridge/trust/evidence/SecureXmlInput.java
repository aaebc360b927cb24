package eu.lexbridge.trust.evidence;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;

/** The StAX parser for documents from outside: no DTD processing, no external entity, DTD or schema is fetched. */
public final class SecureXmlInput {

    private SecureXmlInput() {
    }

    public static XMLInputFactory factory() {
        // The JDK's own parser, so the protections below do not depend on what else is on the class path.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
