package eu.lexbridge.trust.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.evidence.RejectionReason;
import eu.lexbridge.core.message.ConnectorMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RemEvidenceReaderTest {

    private static final String ROOT_START = "<SubmissionAcceptanceRejection xmlns=\"http://uri.etsi.org/02640/v2#\" "
            + "version=\"2.1.1\">";
    private static final String ROOT_END = "</SubmissionAcceptanceRejection>";

    private final RemEvidenceReader reader = new RemEvidenceReader();

    @Test
    void readsTheOfficialConnectorsSubmissionAcceptance() throws Exception {
        Path official = InteropVectors.officialSubmissionAcceptance().orElse(null);
        Assumptions.assumeTrue(official != null, InteropVectors.ABSENT);

        RemEvidenceSummary summary;
        try (InputStream in = Files.newInputStream(official)) {
            summary = reader.read(in);
        }
        assertThat(summary).isEqualTo(new RemEvidenceSummary(EvidenceType.SUBMISSION_ACCEPTANCE,
                "95889734-0986-4236-9f1f-9df7cd7407cb", "http:uri.etsi.org/02640/Event#Acceptance",
                Instant.parse("2017-11-21T13:10:21.272Z"), "20171121021011371_domibus-red", null, true));
    }

    @ParameterizedTest
    @EnumSource(EvidenceType.class)
    void readsBackWhatTheFactoryWrites(EvidenceType type) {
        ConnectorMessage message = TestMessages.outbound().build();
        UUID evidenceId = UUID.randomUUID();
        Instant at = Instant.parse("2025-06-30T22:59:59.999999Z");
        byte[] xml = new RemEvidenceFactory("lexbridge-at", "https://as4.lexbridge.at", ZoneId.of("Europe/Lisbon"))
                .create(type, evidenceId, message, at,
                        type.isPositive() ? null : RejectionReason.OTHER.because("refused in the test"));

        RemEvidenceSummary summary = reader.read(xml);

        assertThat(summary.type()).isEqualTo(type);
        assertThat(summary.evidenceId()).isEqualTo(evidenceId.toString());
        assertThat(summary.eventCode()).isEqualTo(RemVocabulary.eventCode(type));
        assertThat(summary.eventTime()).isEqualTo(at.truncatedTo(ChronoUnit.MILLIS));
        assertThat(summary.uaMessageIdentifier()).isEqualTo(message.backendMessageId());
        assertThat(summary.remmdMessageIdentifier()).isEqualTo(message.ebmsMessageId());
        assertThat(summary.signed()).isFalse();
    }

    @Test
    void refusesADoctypeWithAnExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE SubmissionAcceptanceRejection "
                + "[<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + ROOT_START
                + "<EventCode>http:uri.etsi.org/02640/Event#Acceptance</EventCode>"
                + "<EvidenceIdentifier>&xxe;</EvidenceIdentifier>"
                + "<EventTime>2025-01-01T00:00:00Z</EventTime>" + ROOT_END;
        assertThatThrownBy(() -> reader.read(bytes(xxe)))
                .isInstanceOf(UnreadableEvidenceException.class)
                .hasMessageContaining("DOCTYPE")
                .hasMessageNotContaining("root:");
    }

    @Test
    void refusesAnExternalDtdAndEntityExpansion() {
        String external = "<!DOCTYPE SubmissionAcceptanceRejection SYSTEM \"http://127.0.0.1:9/evil.dtd\">"
                + ROOT_START + ROOT_END;
        assertThatThrownBy(() -> reader.read(bytes(external)))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("DOCTYPE");

        String laughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>" + ROOT_START
                + "<EvidenceIdentifier>&lol3;</EvidenceIdentifier>" + ROOT_END;
        assertThatThrownBy(() -> reader.read(bytes(laughs)))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void refusesWhatIsNoEtsiEvidence() {
        assertThatThrownBy(() -> reader.read(bytes("not xml at all")))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("cannot be parsed");
        assertThatThrownBy(() -> reader.read(bytes("<SubmissionAcceptanceRejection xmlns=\"urn:other\"/>")))
                .isInstanceOf(UnreadableEvidenceException.class)
                .hasMessageContaining("{urn:other}SubmissionAcceptanceRejection");
        assertThatThrownBy(() -> reader.read(bytes(
                "<AcceptanceRejectionByRecipient xmlns=\"http://uri.etsi.org/02640/v2#\" version=\"2.1.1\"/>")))
                .isInstanceOf(UnreadableEvidenceException.class)
                .hasMessageContaining("AcceptanceRejectionByRecipient");
    }

    @Test
    void refusesAnIncompleteEvidenceOrAnUnknownEventCode() {
        assertThatThrownBy(() -> reader.read(bytes(ROOT_START
                + "<EventCode>http:uri.etsi.org/02640/Event#Acceptance</EventCode>"
                + "<EventTime>2025-01-01T00:00:00Z</EventTime>" + ROOT_END)))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("EvidenceIdentifier");
        assertThatThrownBy(() -> reader.read(bytes(ROOT_START
                + "<EventCode>http:uri.etsi.org/02640/Event#Acceptance</EventCode>"
                + "<EvidenceIdentifier>e-1</EvidenceIdentifier>" + ROOT_END)))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("EventTime");
        assertThatThrownBy(() -> reader.read(bytes(ROOT_START
                + "<EventCode>http:uri.etsi.org/02640/Event#Delivery</EventCode>"
                + "<EvidenceIdentifier>e-1</EvidenceIdentifier>"
                + "<EventTime>2025-01-01T00:00:00Z</EventTime>" + ROOT_END)))
                .isInstanceOf(UnreadableEvidenceException.class)
                .hasMessageContaining("unknown EventCode: http:uri.etsi.org/02640/Event#Delivery");
        assertThatThrownBy(() -> reader.read(bytes(ROOT_START
                + "<EventCode>http:uri.etsi.org/02640/Event#Acceptance</EventCode>"
                + "<EvidenceIdentifier>e-1</EvidenceIdentifier>"
                + "<EventTime>yesterday</EventTime>" + ROOT_END)))
                .isInstanceOf(UnreadableEvidenceException.class).hasMessageContaining("xs:dateTime");
    }

    @Test
    void toleratesTheWellFormedEventUriAZonelessTimeAndASignature() {
        String xml = "<DeliveryNonDeliveryToRecipient xmlns=\"http://uri.etsi.org/02640/v2#\" "
                + "xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" version=\"2.1.1\">"
                + "<EventCode> http://uri.etsi.org/02640/Event#NonDelivery </EventCode>"
                + "<EvidenceIdentifier>e-7</EvidenceIdentifier>"
                + "<EventTime>2025-01-01T12:00:00.5</EventTime>"
                + "<SenderMessageDetails isNotification=\"false\"><MessageIdentifierByREMMD>m@x</MessageIdentifierByREMMD>"
                + "</SenderMessageDetails><ds:Signature><ds:SignedInfo/></ds:Signature>"
                + "</DeliveryNonDeliveryToRecipient>";
        RemEvidenceSummary summary = reader.read(bytes(xml));
        assertThat(summary.type()).isEqualTo(EvidenceType.NON_DELIVERY);
        assertThat(summary.eventCode()).isEqualTo("http://uri.etsi.org/02640/Event#NonDelivery");
        assertThat(summary.eventTime()).isEqualTo(Instant.parse("2025-01-01T12:00:00.5Z"));
        assertThat(summary.uaMessageIdentifier()).isNull();
        assertThat(summary.remmdMessageIdentifier()).isEqualTo("m@x");
        assertThat(summary.signed()).isTrue();
    }

    @Test
    void readsARelayFailureWhateverItsEventCode() {
        String xml = "<RelayREMMDFailure xmlns=\"http://uri.etsi.org/02640/v2#\" version=\"2.1.1\">"
                + "<EvidenceIdentifier>e-9</EvidenceIdentifier><EventTime>2025-01-01T00:00:00+02:00</EventTime>"
                + "</RelayREMMDFailure>";
        RemEvidenceSummary summary = reader.read(bytes(xml));
        assertThat(summary.type()).isEqualTo(EvidenceType.RELAY_REMMD_FAILURE);
        assertThat(summary.eventCode()).isNull();
        assertThat(summary.eventTime()).isEqualTo(Instant.parse("2024-12-31T22:00:00Z"));
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
