package eu.lexbridge.record.content;

import eu.lexbridge.core.xml.SecureStax;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads which of some {@link ContentCondition}s hold in a business content: streamed, without a DTD or external
 * entities, and no further than a bound, so a large or hostile document costs little. A document that cannot be read,
 * or that has a DOCTYPE, sets no condition; whoever must be sure a part is absent asks {@link #read} whether the
 * document was read whole.
 */
public final class ContentFacts {

    /** Certificates are forms of some kilobytes; the facts are near their start. */
    public static final int MAX_ELEMENTS = 100_000;
    private static final int MAX_TEXT = 4096;

    private ContentFacts() {
    }

    /**
     * What was found, and whether the document was read as far as it takes to be sure: to its end, or until every
     * condition held. A document cut short by the bound, unreadable, or with a DOCTYPE is not read whole.
     */
    public record Reading(Set<ContentCondition> holding, boolean whole) {
        public Reading {
            holding = Set.copyOf(holding);
        }
    }

    /** The conditions that hold; a document not read whole gives those found before it stopped. */
    public static Set<ContentCondition> holding(InputStream content, Collection<ContentCondition> conditions) {
        return read(content, conditions).holding();
    }

    public static Reading read(InputStream content, Collection<ContentCondition> conditions) {
        Set<ContentCondition> holding = new HashSet<>();
        if (conditions.isEmpty()) {
            return new Reading(holding, true);
        }
        try (content) {
            XMLStreamReader reader = SecureStax.reader(content);
            try {
                int elements = 0;
                boolean atStart = false;
                while (elements < MAX_ELEMENTS && holding.size() < conditions.size()
                        && (atStart || reader.hasNext())) {
                    // text() may stop on a child's start: that element is looked at without reading on
                    int event = atStart ? XMLStreamReader.START_ELEMENT : reader.next();
                    if (event == XMLStreamReader.DTD) {
                        return new Reading(Set.of(), false); // as everywhere else: a DOCTYPE is not read
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
                        if (condition.element().equals(name) && condition.holdsFor(text, atStart)) {
                            holding.add(condition);
                        }
                    }
                }
                return new Reading(holding, holding.size() == conditions.size() || !reader.hasNext());
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            // an unreadable content says nothing for sure
            return new Reading(holding, false);
        }
    }

    /**
     * The texts of every element named {@code element} (by local name), in document order, stripped, empty ones left
     * out; at most {@code max} of them. An unreadable document, or one with a DOCTYPE, gives those read before.
     */
    public static List<String> values(InputStream content, String element, int max) {
        List<String> values = new ArrayList<>();
        try (content) {
            XMLStreamReader reader = SecureStax.reader(content);
            try {
                int elements = 0;
                while (reader.hasNext() && elements < MAX_ELEMENTS && values.size() < max) {
                    int event = reader.next();
                    if (event == XMLStreamReader.DTD) {
                        return List.of();
                    }
                    if (event == XMLStreamReader.START_ELEMENT) {
                        elements++;
                        if (reader.getLocalName().equals(element)) {
                            String text = text(reader).strip();
                            if (!text.isEmpty()) {
                                values.add(text);
                            }
                        }
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | IOException | RuntimeException e) {
            return values;
        }
        return values;
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
}
