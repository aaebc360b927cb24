package eu.lexbridge.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.junit.jupiter.api.Test;

class BenchPayloadsTest {

    @Test
    void theContentIsWellFormedXmlOfExactlyTheSizeAsked() throws Exception {
        byte[] xml = BenchPayloads.xml(10240);

        assertThat(xml).hasSize(10240);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        assertThat(factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement()
                .getLocalName()).isEqualTo("benchContent");
    }

    @Test
    void theDocumentIsAPdfWithinTwoKilobytesOfTheSizeAsked() throws Exception {
        byte[] pdf = BenchPayloads.pdf(102400);

        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(pdf.length).isBetween(102400 - 2048, 102400 + 2048);
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }
}
