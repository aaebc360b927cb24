package eu.lexbridge.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.port.DocumentChecker.Check;
import eu.lexbridge.core.port.DocumentChecker.Level;
import eu.lexbridge.core.port.DocumentChecker.Revocation;
import eu.lexbridge.core.port.DocumentChecker.SignatureSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Trust OK token is written from a check: what a check may say, and when revocation counts as confirmed. */
class DocumentCheckerCheckTest {

    private static SignatureSummary signature(Revocation revocation) {
        return new SignatureSummary("PAdES_BASELINE_B", "QESig", "CN=Judge", "CN=CA", null, true, true, true,
                revocation, List.of(), true, List.of());
    }

    @Test
    void aRefusedDocumentReachesNoLevelAndSaysWhy() {
        Check refused = Check.refused("it inflates past 100 MB");

        assertThat(refused.level()).isEqualTo(Level.NONE);
        assertThat(refused.refusal()).isEqualTo("it inflates past 100 MB");
        assertThat(refused.finding()).isEqualTo("refused: it inflates past 100 MB");
        assertThat(refused.report()).isNull();
        assertThat(refused.signatures()).isEmpty();
        assertThatThrownBy(() -> new Check(Level.ADVANCED, "f", List.of(), null, "too big"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a refused document reaches no level");
        assertThatThrownBy(() -> Check.refused(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aCheckedDocumentIsNotRefused() {
        assertThat(new Check(Level.QUALIFIED, "one QES", List.of(signature(Revocation.GOOD)), null).refusal())
                .isNull();
    }

    @Test
    void revocationIsConfirmedOnlyWhenEverySignerIsKnownGood() {
        assertThat(new Check(Level.NONE, "unsigned", List.of(), null).revocationConfirmed()).as("no signer").isFalse();
        assertThat(new Check(Level.ADVANCED, "f", List.of(signature(Revocation.GOOD), signature(Revocation.GOOD)),
                null).revocationConfirmed()).isTrue();
        for (Revocation doubt : List.of(Revocation.REVOKED, Revocation.UNKNOWN, Revocation.NOT_CHECKED)) {
            assertThat(new Check(Level.ADVANCED, "f", List.of(signature(Revocation.GOOD), signature(doubt)), null)
                    .revocationConfirmed()).as(doubt.name()).isFalse();
        }
    }

    @Test
    void aCheckAndItsSummariesKeepTheirListsAsTheyWere() {
        List<SignatureSummary> signatures = new ArrayList<>(List.of(signature(Revocation.GOOD)));
        List<String> problems = new ArrayList<>(List.of("the signing time is after the certificate's expiry"));
        var summary = new SignatureSummary("CAdES_BASELINE_B", null, null, null, null, true, false, false,
                Revocation.UNKNOWN, problems, false, List.of("covers revision 1 of 2"));
        Check check = new Check(Level.ADVANCED, "f", signatures, null);

        signatures.clear();
        problems.clear();

        assertThat(check.signatures()).hasSize(1);
        assertThat(summary.problems()).hasSize(1);
        assertThatThrownBy(() -> check.signatures().add(summary)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> signature(null)).isInstanceOf(NullPointerException.class);
    }
}
