package eu.lexbridge.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class XmlWellFormednessTest {

    private static String check(String xml) throws Exception {
        return XmlWellFormedness.check(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsWellFormedXml() throws Exception {
        assertThat(check("<?xml version=\"1.0\"?><epoc xmlns=\"urn:x\"><a>1</a></epoc>")).isNull();
    }

    @Test
    void refusesBrokenXmlAndSaysWhere() throws Exception {
        assertThat(check("<epoc><a></epoc>")).contains("not well-formed").contains("line 1");
    }

    @Test
    void refusesExternalEntities() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThat(check(xxe)).isNotNull();
    }

    @Test
    void refusesEmptyInput() throws Exception {
        assertThat(check("")).isNotNull();
    }
}
