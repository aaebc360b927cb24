package eu.lexbridge.core.flow;

import eu.lexbridge.core.xml.SecureStax;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads an XML stream to its end without a DTD or external entities: streaming, so size does not matter. */
final class XmlWellFormedness {

    private XmlWellFormedness() {
    }

    /** @return null if well-formed, else a sentence saying what is wrong (without content) */
    static String check(InputStream in) throws IOException {
        try (in) {
            XMLStreamReader reader = SecureStax.reader(in);
            try {
                boolean sawRoot = false;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamReader.DTD) {
                        return "a DOCTYPE is not allowed";
                    }
                    sawRoot |= event == XMLStreamReader.START_ELEMENT;
                }
                return sawRoot ? null : "there is no root element";
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            var location = e.getLocation();
            return location == null ? "it is not well-formed XML"
                    : "it is not well-formed XML (line " + location.getLineNumber() + ", column "
                    + location.getColumnNumber() + ")";
        }
    }
}
