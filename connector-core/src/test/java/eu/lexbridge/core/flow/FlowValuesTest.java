package eu.lexbridge.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.BusinessService;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.DocumentChecker.Level;
import eu.lexbridge.core.testkit.SampleMessages;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The small values the flows read: document policies, the service catalogue, part descriptions, our identity. */
class FlowValuesTest {

    @Test
    void eachPolicyAcceptsTheLevelsItShould() {
        for (Level level : Level.values()) {
            assertThat(DocumentPolicy.AUTHENTICATION.acceptsDocumentAt(level)).isTrue();
            assertThat(DocumentPolicy.NONE.acceptsDocumentAt(level)).isTrue();
        }
        assertThat(DocumentPolicy.ADVANCED_SIGNATURE.acceptsDocumentAt(Level.NONE)).isFalse();
        assertThat(DocumentPolicy.ADVANCED_SIGNATURE.acceptsDocumentAt(Level.ADVANCED)).isTrue();
        assertThat(DocumentPolicy.ADVANCED_SIGNATURE.acceptsDocumentAt(Level.QUALIFIED)).isTrue();
        assertThat(DocumentPolicy.QUALIFIED.acceptsDocumentAt(Level.NONE)).isFalse();
        assertThat(DocumentPolicy.QUALIFIED.acceptsDocumentAt(Level.ADVANCED)).isFalse();
        assertThat(DocumentPolicy.QUALIFIED.acceptsDocumentAt(Level.QUALIFIED)).isTrue();
    }

    @Test
    void onlyAuthenticationIsNotSignatureBased() {
        assertThat(DocumentPolicy.AUTHENTICATION.signatureBased()).isFalse();
        assertThat(DocumentPolicy.NONE.signatureBased()).isTrue();
        assertThat(DocumentPolicy.ADVANCED_SIGNATURE.signatureBased()).isTrue();
        assertThat(DocumentPolicy.QUALIFIED.signatureBased()).isTrue();
    }

    @Test
    void theCatalogueFindsAConfiguredPairWithItsTypeAndPolicy() {
        var typed = new BusinessService("EPO", "urn:e-codex:services:");
        var catalogue = new ServiceCatalogue(Set.of(new ServiceCatalogue.Entry(typed, "Form_A",
                DocumentPolicy.QUALIFIED), new ServiceCatalogue.Entry(typed, "Form_B")));

        assertThat(catalogue.find("EPO", "Form_A")).hasValue(typed);
        assertThat(catalogue.find("EPO", "Form_C")).isEmpty();
        assertThat(catalogue.find("EIO", "Form_A")).isEmpty();
        assertThat(catalogue.policy("EPO", "Form_A")).isEqualTo(DocumentPolicy.QUALIFIED);
        assertThat(catalogue.policy("EPO", "Form_B")).as("an entry's default").isEqualTo(
                DocumentPolicy.AUTHENTICATION);
        assertThat(catalogue.policy("EPO", "Form_C")).as("not configured").isEqualTo(DocumentPolicy.AUTHENTICATION);
    }

    @Test
    void ourEbmsIdsAreNewUuidsInOurDomain() {
        var identity = new ConnectorIdentity(SampleMessages.HOME, "lexbridge.at.test");

        String one = identity.newEbmsMessageId();

        assertThat(one).matches("[0-9a-f-]{36}@lexbridge\\.at\\.test");
        assertThat(identity.newEbmsMessageId()).isNotEqualTo(one);
    }

    @Test
    void partsAreDescribedOnTheWireAsTheOfficialConnectorDoes() {
        assertThat(PayloadDescriptions.describe(SampleMessages.payload(PayloadKind.BUSINESS_CONTENT, "x")))
                .isEqualTo("messageContent");
        assertThat(PayloadDescriptions.describe(SampleMessages.payload(PayloadKind.CONTAINER, "x")))
                .isEqualTo("ASIC-S");
        assertThat(PayloadDescriptions.describe(SampleMessages.payload(PayloadKind.TRUST_TOKEN, "x")))
                .isEqualTo("tokenXML");
        assertThat(PayloadDescriptions.describe(SampleMessages.payload(PayloadKind.ATTACHMENT, "annex.pdf")))
                .isEqualTo("annex.pdf");
        assertThat(PayloadDescriptions.describe(SampleMessages.evidenceDocument(EvidenceType.DELIVERY)))
                .isEqualTo("DELIVERY");
        assertThatThrownBy(() -> PayloadDescriptions.describe(
                SampleMessages.payload(PayloadKind.VALIDATION_REPORT, "report.xml")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** As the official connector: the document and its signature travel only inside the container. */
    @ParameterizedTest
    @EnumSource(value = PayloadKind.class, names = {"BUSINESS_DOCUMENT", "DETACHED_SIGNATURE"})
    void theDocumentAndItsSignatureAreNeverAPartOfTheirOwn(PayloadKind kind) {
        assertThatThrownBy(() -> PayloadDescriptions.describe(SampleMessages.payload(kind, "form.pdf")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inside the e-CODEX container");
    }

    /** A part received as a document or signature is a loose part: only the container yields those kinds. */
    @Test
    void aReceivedDocumentOrSignatureDescriptionIsALoosePart() {
        assertThat(PayloadDescriptions.kindOf("businessDocument")).isEqualTo(PayloadKind.ATTACHMENT);
        assertThat(PayloadDescriptions.kindOf("detachedSignature")).isEqualTo(PayloadKind.ATTACHMENT);
    }

    /** What is sent is read back as the same kind. */
    @ParameterizedTest
    @EnumSource(value = PayloadKind.class, names = {"BUSINESS_CONTENT", "CONTAINER", "TRUST_TOKEN", "ATTACHMENT",
        "EVIDENCE"})
    void aDescriptionIsReadBackAsItsKind(PayloadKind kind) {
        String name = kind == PayloadKind.EVIDENCE ? "NON_RETRIEVAL" : "annex-1";
        var ref = SampleMessages.payload(kind, name);

        assertThat(PayloadDescriptions.kindOf(PayloadDescriptions.describe(ref))).isEqualTo(kind);
    }

    @Test
    void loosePartsKeepTheirFileNamesTheRestTheirDescription() {
        assertThat(PayloadDescriptions.storedName(PayloadKind.ATTACHMENT, "annex-1", "annex.pdf"))
                .isEqualTo("annex.pdf");
        assertThat(PayloadDescriptions.storedName(PayloadKind.BUSINESS_CONTENT, "messageContent", "content.xml"))
                .isEqualTo("messageContent");
        assertThat(PayloadDescriptions.storedName(PayloadKind.EVIDENCE, "DELIVERY", "evidence.xml"))
                .isEqualTo("DELIVERY");
    }
}
