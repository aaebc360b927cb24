package eu.lexbridge.trust.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.lexbridge.trust.evidence.InteropVectors;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ReceivedTokenTest {

    @Test
    void readsOurTokenBackWithTheDocumentsDigest() {
        byte[] digest = HexFormat.of().parseHex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        TrustOkToken token = TrustOkToken.authenticationBased("LexBridge", "AT",
                new TrustOkToken.Document("epoc.pdf", "PDF", "epoc.pdf.p7s", digest),
                new TrustOkToken.Authentication("idp", "court-a", Instant.EPOCH), Instant.EPOCH);

        ReceivedToken read = ReceivedToken.read(TrustOkTokenXml.write(token));

        assertThat(read.filename()).isEqualTo("epoc.pdf");
        assertThat(read.signatureFilename()).isEqualTo("epoc.pdf.p7s");
        assertThat(read.documentSha256()).isEqualTo(digest);
        assertThat(read.system()).isEqualTo("Authentication-based");
    }

    @Test
    void readsTheOfficialConnectorsToken() throws Exception {
        var official = InteropVectors.find("official-connector-msg1/Token.xml");
        assumeTrue(official.isPresent(), InteropVectors.ABSENT);

        ReceivedToken read = ReceivedToken.read(Files.readAllBytes(official.get()));

        assertThat(read.filename()).isEqualTo("mainDocument.pdf");
        assertThat(read.signatureFilename()).isNull();
        assertThat(read.system()).isEqualTo("Signature-based");
        assertThat(read.documentSha256()).hasSize(32);
    }

    @Test
    void aTokenWithADoctypeOrWithoutADocumentIsRefused() {
        assertThatThrownBy(() -> ReceivedToken.read(("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<TrustOkToken><Document><Filename>&e;</Filename></Document></TrustOkToken>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReceivedToken.read("<TrustOkToken/>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("Document/Filename");
        assertThatThrownBy(() -> ReceivedToken.read("<TrustOkToken>".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("not well-formed");
    }
}
