package eu.lexbridge.trust.evidence;

import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes an element tree through StAX indented by four spaces, as the official connector's evidences are laid out,
 * and keeps every text and attribute value legal XML 1.0.
 */
final class IndentingXmlWriter {

    private static final String INDENT = "    ";

    private final XMLStreamWriter xml;
    /** One entry per open element: whether it has child elements (then its end tag goes on its own line). */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    IndentingXmlWriter(XMLStreamWriter xml) {
        this.xml = xml;
    }

    void startDocument() throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
    }

    void endDocument() throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    /** Starts an element of the default (REM) namespace. */
    void start(String localName) throws XMLStreamException {
        start("", localName, RemVocabulary.REM_NS);
    }

    void start(String prefix, String localName, String namespace) throws XMLStreamException {
        beforeChild();
        xml.writeStartElement(prefix, localName, namespace);
        open.push(new boolean[] {false});
    }

    /** An element without content; attributes may follow. */
    void empty(String localName) throws XMLStreamException {
        empty("", localName, RemVocabulary.REM_NS);
    }

    void empty(String prefix, String localName, String namespace) throws XMLStreamException {
        beforeChild();
        xml.writeEmptyElement(prefix, localName, namespace);
    }

    void defaultNamespace(String namespace) throws XMLStreamException {
        xml.writeDefaultNamespace(namespace);
    }

    void namespace(String prefix, String namespace) throws XMLStreamException {
        xml.writeNamespace(prefix, namespace);
    }

    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, legal(value));
    }

    void text(String value) throws XMLStreamException {
        xml.writeCharacters(legal(value));
    }

    /** A REM element with text only. */
    void leaf(String localName, String value) throws XMLStreamException {
        start(localName);
        text(value);
        end();
    }

    void end() throws XMLStreamException {
        boolean[] hasChildren = open.pop();
        if (hasChildren[0]) {
            newLine(open.size());
        }
        xml.writeEndElement();
    }

    private void beforeChild() throws XMLStreamException {
        if (!open.isEmpty()) {
            open.peek()[0] = true;
        }
        newLine(open.size());
    }

    private void newLine(int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + INDENT.repeat(depth));
    }

    /** Replaces characters XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD. */
    static String legal(String value) {
        StringBuilder result = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                if (result != null) {
                    result.append(c).append(value.charAt(i + 1));
                }
                i++; // a well-formed pair: a character outside the BMP, legal
                continue;
            }
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && result == null) {
                result = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (result != null) {
                result.append(ok ? c : '\uFFFD');
            }
        }
        return result == null ? value : result.toString();
    }
}
