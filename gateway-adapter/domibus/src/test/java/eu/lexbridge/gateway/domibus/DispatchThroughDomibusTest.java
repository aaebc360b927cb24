package eu.lexbridge.gateway.domibus;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.PartnerHolds;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.testkit.FixedPartnerDirectory;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemorySettingStore;
import eu.lexbridge.core.testkit.PlainEvidenceFactory;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.testkit.TickingClock;
import eu.lexbridge.core.transport.ReceptionOutcome;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core's Dispatch with Domibus as its gateway: the message waits in ACCEPTED while Domibus has it, and Domibus's
 * pushed report moves it: SENT on sendSuccess; on sendFailure RELAY_FAILED, with RELAY_REMMD_FAILURE for its back-end
 * at once rather than after the relay timeout.
 */
class DispatchThroughDomibusTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Party UNREACHABLE = new Party(StandInDomibus.UNREACHABLE_PARTY, SampleMessages.PARTY_TYPE,
            SampleMessages.ROLE);

    @TempDir
    Path directory;

    private final TickingClock clock = new TickingClock(T0);
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final FixedPartnerDirectory partners = FixedPartnerDirectory.of(SampleMessages.germany(),
            SampleMessages.partner("xx-connector", UNREACHABLE));
    private final EvidenceIssuer issuer = new EvidenceIssuer(new ConnectorIdentity(SampleMessages.HOME,
            "lexbridge.at.test"), new PlainEvidenceFactory(), payloads, store, partners, clock);
    private LoopbackServer domibusServer;
    private LoopbackServer connectorServer;
    private StandInDomibus domibus;
    private Dispatch dispatch;

    @BeforeEach
    void start() {
        domibusServer = new LoopbackServer();
        domibus = StandInDomibus.start(domibusServer, directory);
        dispatch = new Dispatch(store, partners, new DomibusGateway(DomibusGatewayTest.settings(
                domibusServer.url("/domibus/services/wsplugin"), StandInDomibus.PASSWORD), payloads), issuer,
                new PartnerHolds(new InMemorySettingStore(), clock), clock);
        connectorServer = new LoopbackServer();
        PushEndpoint.publish(connectorServer.bus(), "/domibus-push", new PushedNotifications(
                        (envelope, parts, signer) -> ReceptionOutcome.ACCEPTED, dispatch, new MessageErrors(
                        DomibusGatewayTest.settings(domibusServer.url("/domibus/services/wsplugin"),
                                StandInDomibus.PASSWORD))),
                new PushCredentials("domibus", "push-secret"), SecurityEvents.logOnly(), 1024 * 1024,
                directory.resolve("spool"));
        domibus.pushTo(connectorServer.url("/domibus-push"), "domibus", "push-secret");
    }

    @AfterEach
    void stop() throws Exception {
        domibus.close();
        domibusServer.close();
        connectorServer.close();
    }

    @Test
    void theMessageWaitsWhileDomibusHasItAndIsSentOnItsReport() throws Exception {
        ConnectorMessage message = accepted(SampleMessages.GERMANY);

        Dispatch.Outcome outcome = dispatch.dispatch(message.connectorMessageId());

        assertThat(outcome).isInstanceOf(Dispatch.AwaitingReport.class);
        assertThat(domibus.submitted()).singleElement().satisfies(held -> assertThat(held.header().getUserMessage()
                .getMessageInfo().getMessageId()).isEqualTo(message.ebmsMessageId()));
        assertThat(stateAfterReport(message)).isEqualTo(MessageState.SENT);
    }

    @Test
    void aSendFailureDomibusReportsEndsTheMessageWithRelayFailureAtOnce() throws Exception {
        ConnectorMessage message = accepted(UNREACHABLE);

        assertThat(dispatch.dispatch(message.connectorMessageId())).isInstanceOf(Dispatch.AwaitingReport.class);

        assertThat(stateAfterReport(message)).isEqualTo(MessageState.RELAY_FAILED);
        // the sealed evidence says why, as Domibus recorded it
        assertThat(store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(failure -> assertThat(failure.reason())
                .contains("EBMS:0005 Error dispatching message to " + StandInDomibus.UNREACHABLE_ENDPOINT
                        + ": Connection refused"));
    }

    /** A business message as preparation leaves it: ACCEPTED, its SUBMISSION_ACCEPTANCE inside. */
    private ConnectorMessage accepted(Party to) {
        ConnectorMessage message = SampleMessages.outbound(T0).to(to).ebmsMessageId(UUID.randomUUID()
                        + "@lexbridge.at.test")
                .payloads(List.of(payloads.put(PayloadKind.BUSINESS_CONTENT, "content.xml", "text/xml",
                        "<order/>".getBytes(StandardCharsets.UTF_8)))).build();
        assertThat(store.insert(message, "stored by the test")).isTrue();
        issuer.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceIssuer.Route.WITH_SUBJECT,
                MessageState.ACCEPTED, null);
        return store.find(message.connectorMessageId()).orElseThrow();
    }

    /** The message's state once Domibus's report has come (it is pushed a moment after the submission). */
    private MessageState stateAfterReport(ConnectorMessage message) throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        MessageState state = store.find(message.connectorMessageId()).orElseThrow().state();
        while (state == MessageState.ACCEPTED && System.nanoTime() < until) {
            Thread.sleep(50);
            state = store.find(message.connectorMessageId()).orElseThrow().state();
        }
        return state;
    }
}
