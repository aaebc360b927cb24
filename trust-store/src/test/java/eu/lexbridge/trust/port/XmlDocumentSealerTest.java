package eu.lexbridge.trust.port;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A record the connector keeps of its own (a transmission outside the system) is sealed with the evidence key, and a
 * court's validator takes it as any sealed XML: the connector's own document validation, which is DSS, finds the seal
 * intact and trusted, and a changed record broken.
 */
class XmlDocumentSealerTest {

    private static final char[] PASSWORD = "record-seal-Pa55".toCharArray();
    private static final byte[] RECORD = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TransmissionRecord xmlns="urn:lexbridge:case-record:transmission:1">
              <FileName>production.zip</FileName>
              <FileSize>3221225472</FileSize>
            </TransmissionRecord>
            """.getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void aSealedRecordValidatesAsSealedXmlAndAChangedOneDoesNot() {
        GeneratedPki pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("alice"), PASSWORD);
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("alice").sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
        XmlDocumentSealer sealer = new XmlDocumentSealer(key, Clock.systemUTC());
        DocumentValidator validator = new DocumentValidator(List.of(KeyStores.readCertificate(pki.caCertificate())),
                Clock.systemUTC());

        byte[] sealed = sealer.sealXml(RECORD, "the transmission record");

        assertThat(sealer.description()).startsWith("sealed XAdES-BASELINE-B").contains("alice");
        String xml = new String(sealed, StandardCharsets.UTF_8);
        assertThat(xml).contains("<FileSize>3221225472</FileSize>")
                .doesNotContain("xmldsig#sha1").contains("xmlenc#sha256");
        DocumentValidation validation = validator.validate(new ByteArrayInputStream(sealed), "record.xml");
        assertThat(validation.allIntactAndTrusted()).isTrue();
        assertThat(validation.signatures()).singleElement()
                .satisfies(s -> assertThat(s.signerSubject()).isEqualTo(key.certificate()
                        .getSubjectX500Principal().getName()));

        byte[] changed = xml.replace("3221225472", "3221225473").getBytes(StandardCharsets.UTF_8);
        assertThat(validator.validate(new ByteArrayInputStream(changed), "record.xml").allIntactAndTrusted())
                .isFalse();
    }
}
