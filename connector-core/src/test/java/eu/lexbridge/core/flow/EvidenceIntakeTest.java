package eu.lexbridge.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.testkit.SampleMessages;
import org.junit.jupiter.api.Test;

/** The one verdict on a received evidence, for evidence messages and for the sender's evidence in a message. */
class EvidenceIntakeTest {

    private final FlowFixture f = new FlowFixture();
    private final EvidenceIntake intake = new EvidenceIntake(f.store, f.partners, f.verifier, f.security, f.clock);
    private final eu.lexbridge.core.message.PayloadRef document = SampleMessages.evidenceDocument(EvidenceType.DELIVERY);

    @Test
    void aSealedEvidenceOfItsTypeFromAPartnerIsAcceptable() {
        var verdict = intake.verify(document, EvidenceType.DELIVERY, "DE", "sent@at.test");

        assertThat(verdict.acceptable()).isTrue();
        assertThat(verdict.problem()).isNull();
        assertThat(verdict.check().signer()).isEqualTo("CN=DE test connector");
        assertThat(f.verifier.checked()).containsExactly(document);
    }

    @Test
    void anUnknownSenderIsNotEvenChecked() {
        var verdict = intake.verify(document, EvidenceType.DELIVERY, "FR", null);

        assertThat(verdict.problem()).isEqualTo("the sending party is not a configured partner");
        assertThat(f.verifier.checked()).isEmpty();
    }

    @Test
    void whatTheVerifierFindsWrongIsTheProblem() {
        f.verifier.answer(d -> EvidenceCheck.unusable("the seal does not verify"));

        assertThat(intake.verify(document, EvidenceType.DELIVERY, "DE", null).problem())
                .isEqualTo("the seal does not verify");
    }

    @Test
    void anEvidenceOfAnotherTypeThanItTravelsAsIsRefused() {
        assertThat(intake.verify(document, EvidenceType.NON_DELIVERY, "DE", null).problem())
                .isEqualTo("the document is DELIVERY but travels as NON_DELIVERY");
    }

    /** Only an evidence message names the message it is about; the sender's own evidence is not held to one. */
    @Test
    void theMessageAnEvidenceIsAboutIsCheckedOnlyWhenGiven() {
        f.verifier.answer(d -> new EvidenceCheck(true, EvidenceType.DELIVERY, "other@at.test", null, "sealed"));

        assertThat(intake.verify(document, EvidenceType.DELIVERY, "DE", "sent@at.test").problem())
                .isEqualTo("the document is about other@at.test, the AS4 message about sent@at.test");
        assertThat(intake.verify(document, EvidenceType.DELIVERY, "DE", "other@at.test").acceptable()).isTrue();
        assertThat(intake.verify(document, EvidenceType.DELIVERY, "DE", null).acceptable()).isTrue();
    }
}
