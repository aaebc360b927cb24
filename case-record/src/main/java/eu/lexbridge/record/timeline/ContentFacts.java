package eu.lexbridge.record.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads which of some {@link ContentCondition}s hold in a business content: streamed, without a DTD or external
 * entities, and no further than a bound, so a large or hostile document costs little. A document that cannot be read,
 * or that has a DOCTYPE, sets no condition.
 */
final class ContentFacts {

    /** Certificates are forms of some kilobytes; the facts are near their start. */
    static final int MAX_ELEMENTS = 100_000;
    private static final int MAX_TEXT = 4096;
    private static final XMLInputFactory FACTORY = secureFactory();

    private ContentFacts() {
    }

    static Set<ContentCondition> holding(InputStream content, Collection<ContentCondition> conditions) {
        Set<ContentCondition> holding = new HashSet<>();
        if (conditions.isEmpty()) {
            return holding;
        }
        try (content) {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(content);
            try {
                int elements = 0;
                boolean atStart = false;
                while (elements < MAX_ELEMENTS && holding.size() < conditions.size()
                        && (atStart || reader.hasNext())) {
                    // text() may stop on a child's start: that element is looked at without reading on
                    int event = atStart ? XMLStreamReader.START_ELEMENT : reader.next();
                    if (event == XMLStreamReader.DTD) {
                        return Set.of(); // as everywhere else: a document with a DOCTYPE is not read
                    }
                    if (event != XMLStreamReader.START_ELEMENT) {
                        continue;
                    }
                    atStart = false;
                    elements++;
                    String name = reader.getLocalName();
                    if (conditions.stream().noneMatch(c -> c.element().equals(name))) {
                        continue;
                    }
                    String text = text(reader);
                    atStart = reader.getEventType() == XMLStreamReader.START_ELEMENT;
                    for (ContentCondition condition : conditions) {
                        if (condition.element().equals(name) && condition.holdsFor(text)) {
                            holding.add(condition);
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            // an unreadable content says nothing: the step still counts, without its flags
            return holding;
        }
        return holding;
    }

    /** The element's own text, up to a bound; a child element ends it. */
    private static String text(XMLStreamReader reader) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamReader.CHARACTERS || event == XMLStreamReader.CDATA) {
                text.append(reader.getText(), 0, Math.min(reader.getTextLength(), MAX_TEXT - text.length()));
            } else if (event == XMLStreamReader.END_ELEMENT || event == XMLStreamReader.START_ELEMENT) {
                return text.toString();
            }
            if (text.length() >= MAX_TEXT) {
                return text.toString();
            }
        }
        return text.toString();
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        return factory;
    }
}
