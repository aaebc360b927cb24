package eu.lexbridge.core.port;

import static eu.lexbridge.core.testkit.SampleMessages.evidenceDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.AuthorityDirectory.Authority;
import eu.lexbridge.core.port.AuthorityDirectory.Competence;
import eu.lexbridge.core.testkit.InMemoryAuthorityDirectory;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.SendOutcome;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The small values of the ports and the behaviour that comes with them. */
class PortValuesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final String ISO = SampleMessages.PARTY_TYPE;

    @Test
    void thePullLinkHoldsEveryMessageAndEvidence() {
        var message = SampleMessages.inbound(T0).backendName("court-a").build();
        var evidence = new Evidence(UUID.randomUUID(), message.connectorMessageId(), EvidenceType.DELIVERY,
                EvidenceOrigin.RECEIVED, evidenceDocument(EvidenceType.DELIVERY), null, T0, null);

        assertThat(BackendLink.heldForPull().deliver(message)).isEqualTo(new BackendLink.Held());
        assertThat(BackendLink.heldForPull().notify(message, evidence)).isEqualTo(new BackendLink.Held());
        assertThat(BackendLink.heldForPull()).isSameAs(BackendLink.heldForPull());
    }

    @Test
    void aHandoverSaysWhatHappened() {
        assertThatThrownBy(() -> new BackendLink.Pushed(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BackendLink.Refused(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new BackendLink.Unreachable(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aPendingSendHasNoReceiptYet() {
        var pending = SendOutcome.pending("queued by Domibus");

        assertThat(pending.status()).isEqualTo(SendOutcome.Status.PENDING);
        assertThat(pending.receiptMessageId()).isNull();
        assertThat(pending.detail()).isEqualTo("queued by Domibus");
    }

    @Test
    void theCompetentAuthorityIsFoundForItsInstrumentRoleAndPlace() {
        var vienna = new Authority("Bezirksgericht Innere Stadt Wien", "urn:authority:bg-innere-stadt", "AT", ISO);
        var graz = new Authority("Bezirksgericht Graz-Ost", "urn:authority:bg-graz-ost", "AT", ISO);
        var directory = new InMemoryAuthorityDirectory()
                .register(new Competence("EPO", "court", "AT-9"), vienna)
                .register(new Competence("EPO", "court", "AT-6"), graz);

        assertThat(directory.competent(new Competence("EPO", "court", "AT-9"))).hasValue(vienna);
        assertThat(directory.competent(new Competence("EPO", "court", "AT-6"))).hasValue(graz);
        assertThat(directory.competent(new Competence("EPO", "enforcement", "AT-9"))).isEmpty();
        assertThat(directory.competent(new Competence("ESCP", "court", "AT-9"))).isEmpty();
        assertThat(directory.competent(new Competence("EPO", "court", "AT-1"))).isEmpty();
    }

    @Test
    void aQueryAndAnAnswerNameEveryPart() {
        assertThatThrownBy(() -> new Competence("EPO", " ", "AT-9")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("role must not be blank");
        assertThatThrownBy(() -> new Competence(null, "court", "AT-9")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Authority("court", "urn:x", "AT", "")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("partyIdType must not be blank");
    }

    @Test
    void anEventIsAStateAnEvidenceOrBoth() {
        UUID id = UUID.randomUUID();
        var both = new MessageEvent(1, id, "conv", MessageState.DELIVERED, EvidenceType.DELIVERY,
                EvidenceOrigin.RECEIVED, T0);

        assertThat(both.state()).isEqualTo(MessageState.DELIVERED);
        assertThatThrownBy(() -> new MessageEvent(2, id, "conv", null, null, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageEvent(3, id, "conv", null, EvidenceType.DELIVERY, null, T0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MessageEvent(4, id, "conv", MessageState.SENT, null, EvidenceOrigin.ISSUED, T0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
