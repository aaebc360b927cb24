package eu.lexbridge.trust;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.trust.evidence.EvidenceSealer;
import eu.lexbridge.trust.evidence.EvidenceVerification;
import eu.lexbridge.trust.evidence.EvidenceVerifier;
import eu.lexbridge.trust.evidence.ReferenceDigest;
import eu.lexbridge.trust.evidence.RemEvidenceFactory;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One JVM, two Santuario versions: xmlsec 4.0.4 under its own name for phase4 / WSS4J 4, and DSS's xmlsec 3.0.6
 * relocated inside dss-xmlsec3-shaded. DSS 6.4 breaks on xmlsec 4 (XMLSignatureInput became abstract) and WSS4J 4
 * breaks on xmlsec 3 (no XMLSignatureByteInput); here both work, before and after each other.
 */
class XmlSecurityCoexistenceTest {

    private static final String SHADED = "eu.lexbridge.shaded.xmlsec3.org.apache.xml.security.";

    @Test
    void xmlsec4AndDssOnItsRelocatedXmlsec3WorkInOneJvm(@TempDir Path dir) throws Exception {
        // The public name is xmlsec 4.0.4, the one phase4 4.4.1 and WSS4J 4.0.1 are built for.
        assertThat(Init.class.getProtectionDomain().getCodeSource().getLocation().getPath()).endsWith("xmlsec-4.0.4.jar");
        assertThat(Class.forName("org.apache.xml.security.signature.XMLSignatureByteInput")).isNotNull();
        assertThat(Modifier.isAbstract(Class.forName("org.apache.xml.security.signature.XMLSignatureInput")
                .getModifiers())).as("xmlsec 4's XMLSignatureInput, on which DSS 6.4 fails").isTrue();
        // DSS's own copy is xmlsec 3, under another name and in another jar.
        Class<?> shadedInput = Class.forName(SHADED + "signature.XMLSignatureInput");
        assertThat(Modifier.isAbstract(shadedInput.getModifiers())).isFalse();
        assertThat(shadedInput.getProtectionDomain().getCodeSource().getLocation().getPath())
                .contains("dss-xmlsec3-shaded");

        Init.init();
        assertThat(xmlsec4SignsAndVerifies()).isTrue();

        GeneratedPki pki = SharedTestPki.copyTo(dir, List.of("at-prosecutor"), "pw-coexist".toCharArray());
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at-prosecutor").sealKeyStore(),
                "pw-coexist".toCharArray()), TestPki.SEAL_ALIAS, "pw-coexist".toCharArray());
        byte[] sealed = new EvidenceSealer(key, ReferenceDigest.SHA1, Clock.systemUTC()).seal(evidence());
        EvidenceVerification verification = EvidenceVerifier.trusting(
                KeyStores.loadPkcs12(pki.trustStore(), "pw-coexist".toCharArray()), Clock.systemUTC()).verify(sealed);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.trusted()).isTrue();

        assertThat(Class.forName(SHADED + "algorithms.JCEMapper").getMethod("translateURItoJCEID", String.class)
                .invoke(null, XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256))
                .as("DSS initialised its own copy").isEqualTo("SHA256withRSA");
        assertThat(Init.isInitialized()).isTrue();
        assertThat(xmlsec4SignsAndVerifies()).as("xmlsec 4 still works after DSS").isTrue();
    }

    /** An enveloped RSA-SHA256 signature made and checked through xmlsec 4's own API, as WSS4J uses it. */
    private static boolean xmlsec4SignsAndVerifies() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                "<receipt xmlns=\"urn:test\"><ref>m-1</ref></receipt>".getBytes(StandardCharsets.UTF_8)));
        XMLSignature signature = new XMLSignature(document, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        document.getDocumentElement().appendChild(signature.getElement());
        Transforms transforms = new Transforms(document);
        transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        signature.addDocument("", transforms, "http://www.w3.org/2001/04/xmlenc#sha256");
        signature.sign(keys.getPrivate());

        Element element = (Element) document.getElementsByTagNameNS(Constants.SignatureSpecNS, "Signature").item(0);
        return new XMLSignature(element, "").checkSignatureValue(keys.getPublic());
    }

    private static byte[] evidence() {
        ConnectorMessage message = ConnectorMessage.builder()
                .direction(Direction.OUTBOUND)
                .backendName("at-backend")
                .backendMessageId("AT-1")
                .ebmsMessageId("m-1@lexbridge.at")
                .conversationId("c-1")
                .service(new BusinessService("EPO", "urn:e-codex:services:"))
                .action("Form_A")
                .from(new Party("AT", "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1", "GW"))
                .to(new Party("DE", "urn:oasis:names:tc:ebcore:partyid-type:iso3166-1", "GW"))
                .createdAt(Instant.now())
                .build();
        return new RemEvidenceFactory("lexbridge-at", "https://as4.lexbridge.at", ZoneOffset.UTC)
                .create(EvidenceType.RELAY_REMMD_ACCEPTANCE, UUID.randomUUID(), message, Instant.now(), null);
    }
}
