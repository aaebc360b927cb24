package eu.lexbridge.core.port;

import static eu.lexbridge.core.testkit.SampleMessages.evidenceDocument;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.EcodexAddress;
import eu.lexbridge.core.authority.Instrument;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.SendOutcome;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The small values of the ports and the behaviour that comes with them. */
class PortValuesTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

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
    void aRecipientQueryNamesAnInstrumentAndRoleOrAnAuthority() {
        assertThat(RecipientQuery.authority("DE-STA-BERLIN").describe()).isEqualTo("authority DE-STA-BERLIN");
        assertThat(new RecipientQuery(Instrument.of("eio"), AuthorityRole.of("Executing"), null, null, "DE-BE",
                null, null, "de", Map.of("urgency", "urgent", "measure", "hearing")).describe()).isEqualTo(
                "instrument EIO, role executing, region DE-BE, language de, measure hearing, urgency urgent");
        assertThatThrownBy(() -> new RecipientQuery(Instrument.of("EIO"), null, null, "DE", null, null, null, null,
                null)).hasMessage("a recipient is named by an instrument and a role, or by an authority id");
        assertThatThrownBy(() -> new RecipientQuery(Instrument.of("EIO"), AuthorityRole.EXECUTING, null, "de", null,
                null, null, null, null)).hasMessage("country must be two capital letters (ISO 3166-1)");
        assertThatThrownBy(() -> new RecipientQuery(Instrument.of("EIO"), AuthorityRole.EXECUTING, null, "DE",
                "FR-75", null, null, null, null)).hasMessage("region 'FR-75' is not in country DE");
        assertThatThrownBy(() -> new RecipientQuery(Instrument.of("EIO"), AuthorityRole.EXECUTING, null, "DE", null,
                "10115\n", null, null, null)).hasMessageStartingWith("postalCode must be");
        assertThatThrownBy(() -> AuthorityRole.of("judge")).hasMessageStartingWith("role 'judge' is none of [issuing");
        assertThatThrownBy(() -> Instrument.of("E")).hasMessageContaining("is not 2 to 32 capital letters");
    }

    @Test
    void aQueryIsReadFromItsUrlFormAndAParameterItDoesNotKnowIsRefused() {
        RecipientQuery query = RecipientQuery.fromQueryString("instrument=eio&role=executing&country=DE"
                + "&postalCode=1012%20AB&criterion=measure:interception&criterion=urgency:urgent");

        assertThat(query.describe()).isEqualTo("instrument EIO, role executing, country DE, postal code 1012 AB, "
                + "measure interception, urgency urgent");
        assertThatThrownBy(() -> RecipientQuery.fromQueryString("instrument=EIO&role=executing&postcode=1"))
                .hasMessageStartingWith("'postcode' is not a parameter; they are [area, authorityId,");
        assertThatThrownBy(() -> RecipientQuery.fromQueryString("instrument=EIO&instrument=EAW&role=executing"))
                .hasMessage("instrument is given twice");
        assertThatThrownBy(() -> RecipientQuery.fromQueryString("instrument=EIO&role=executing&criterion=measure:a"
                + "&criterion=measure:b")).hasMessage("criterion measure is given twice");
        assertThatThrownBy(() -> RecipientQuery.fromQueryString("instrument=EIO&role=executing&criterion=measure"))
                .hasMessage("a criterion is name:value, e.g. measure:interception");
        assertThatThrownBy(() -> RecipientQuery.fromQueryString("instrument=%E&role=executing"))
                .hasMessage("the query has a malformed %-escape");
        assertThatThrownBy(() -> RecipientQuery.fromQueryString("a=" + "x".repeat(5000)))
                .hasMessage("the query is longer than 4096 characters");
    }

    @Test
    void anAddressNamesEveryPart() {
        assertThatThrownBy(() -> new EcodexAddress("urn:x", "AT", "")).isInstanceOf(
                IllegalArgumentException.class).hasMessage("partyIdType must not be blank");
        assertThatThrownBy(() -> new EcodexAddress(null, "AT", "t")).isInstanceOf(NullPointerException.class);
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
