package eu.lexbridge.trust.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

class SecureXmlInputTest {

    private static final String XXE = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><r>&e;</r>";

    @Test
    void theStaxReaderThrowsTheCallersRefusalForADoctypeAndReadsWhatHasNone() throws Exception {
        assertThatThrownBy(() -> {
            XMLStreamReader reader = SecureXmlInput.reader(stream(XXE), () -> new IllegalStateException("refused"));
            while (reader.hasNext()) {
                reader.next();
            }
        }).isInstanceOf(IllegalStateException.class).hasMessage("refused");

        XMLStreamReader reader = SecureXmlInput.reader(stream("<r a=\"1\"><c>text</c></r>"),
                () -> new IllegalStateException("refused"));
        StringBuilder seen = new StringBuilder();
        while (reader.hasNext()) {
            if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                seen.append(reader.getLocalName()).append(' ');
            }
        }
        assertThat(seen).hasToString("r c ");
    }

    @Test
    void aDoctypeIsFoundInThePrologPastTheDeclarationCommentsAndAByteOrderMark() throws IOException {
        assertThat(SecureXmlInput.startsWithDoctype(stream(XXE))).isTrue();
        assertThat(SecureXmlInput.startsWithDoctype(stream("\uFEFF <?pi x?><!-- c --><!doctype r><r/>"))).isTrue();
        assertThat(SecureXmlInput.startsWithDoctype(stream("<!-- <!DOCTYPE r> --><r/>"))).isFalse();
        assertThat(SecureXmlInput.startsWithDoctype(stream("<r><!DOCTYPE r></r>"))).isFalse();
        assertThat(SecureXmlInput.startsWithDoctype(stream("%PDF-1.7"))).isFalse();
        assertThat(SecureXmlInput.startsWithDoctype(stream(""))).isFalse();
    }

    @Test
    void theSaxReaderRefusesADoctypeAndSaysSo() throws Exception {
        XMLReader reader = SecureXmlInput.saxReader();
        assertThatThrownBy(() -> reader.parse(new InputSource(new StringReader(XXE))))
                .isInstanceOfSatisfying(SAXParseException.class,
                        e -> assertThat(SecureXmlInput.isDoctypeRefusal(e)).isTrue());
        SecureXmlInput.saxReader().parse(new InputSource(new StringReader("<r/>")));
    }

    @Test
    void theDomFactoryRefusesADoctype() {
        assertThatThrownBy(() -> SecureXmlInput.documentBuilderFactory().newDocumentBuilder().parse(stream(XXE)))
                .isInstanceOfSatisfying(SAXParseException.class,
                        e -> assertThat(SecureXmlInput.isDoctypeRefusal(e)).isTrue());
    }

    @Test
    void theSchemaFactoryFetchesNoSchemaAndTheTransformerSerialises() throws Exception {
        String importing = "<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\">"
                + "<xs:import namespace=\"urn:x\" schemaLocation=\"http://127.0.0.1:9/x.xsd\"/></xs:schema>";
        assertThatThrownBy(() -> SecureXmlInput.schemaFactory()
                .newSchema(new StreamSource(new StringReader(importing))))
                .isInstanceOf(SAXException.class).hasMessageContaining("accessExternalSchema");

        Document document = SecureXmlInput.newDocument();
        document.appendChild(document.createElementNS("urn:x", "x:r"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXmlInput.transformerFactory().newTransformer().transform(new DOMSource(document),
                new StreamResult(out));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("<x:r xmlns:x=\"urn:x\"/>");
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }
}
