package eu.lexbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.DocumentPolicy;
import eu.lexbridge.core.flow.EvidenceCorrelation;
import eu.lexbridge.core.flow.EvidenceForwarding;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.EvidenceIssuer.Route;
import eu.lexbridge.core.flow.InboundAcceptance;
import eu.lexbridge.core.flow.OutboundPreparation;
import eu.lexbridge.core.flow.PartnerHolds;
import eu.lexbridge.core.flow.RelayTimeout;
import eu.lexbridge.core.flow.SendRetries;
import eu.lexbridge.core.flow.ServiceCatalogue;
import eu.lexbridge.core.flow.Topology;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.ContainerPacker;
import eu.lexbridge.core.port.DocumentChecker;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.FixedPartnerDirectory;
import eu.lexbridge.core.testkit.InMemoryBackendLink;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemorySettingStore;
import eu.lexbridge.core.testkit.PlainEvidenceFactory;
import eu.lexbridge.core.testkit.RecordingSecurityEvents;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.testkit.ScriptedGatewayLink;
import eu.lexbridge.core.testkit.TickingClock;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.camel.CamelContext;
import org.apache.camel.ConsumerTemplate;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each route consumes the hop that follows the outcome it handles and forwards to the hop the topology names after its
 * own outcome: one route at a time in a plain CamelContext, the queues played by stub endpoints (SEDA queues that take
 * the JMS options), the flows on the core kit's in-memory ports. What a route forwards stays on its queue, for the test
 * to read.
 */
class RoutesFollowTheTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final long WAIT_MS = 5_000;
    /** What is not forwarded is looked for this long. */
    private static final long ABSENT_MS = 300;

    private final TickingClock clock = new TickingClock(T0);
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final FixedPartnerDirectory partners = FixedPartnerDirectory.of(SampleMessages.germany());
    private final RecordingSecurityEvents security = new RecordingSecurityEvents();
    private final EvidenceIssuer issuer = new EvidenceIssuer(new ConnectorIdentity(SampleMessages.HOME,
            "lexbridge.at.test"), new PlainEvidenceFactory(), payloads, store, partners, clock);
    private final EvidenceVerifier verifier = (document, sender) -> new EvidenceCheck(true,
            EvidenceType.fromPayloadDescription(document.name()).orElse(null), null, "CN=DE", "sealed");
    private final StandInContainers containers = new StandInContainers();
    private final DocumentChecker noDocuments = (document, signature) -> {
        throw new AssertionError("no document is checked under AUTHENTICATION");
    };
    private final RouteSettings settings = new RouteSettings("stub", 1, Duration.ofHours(1), 3,
            Duration.ofMillis(50), new BackOff(Duration.ZERO, Duration.ZERO));

    private static final Duration RELAY_TIMEOUT = Duration.ofHours(12);

    private CamelContext camel;
    private ProducerTemplate producer;
    private ConsumerTemplate consumer;

    private void run(RoutesBuilder route) throws Exception {
        camel = new DefaultCamelContext();
        camel.addRoutes(route);
        camel.start();
        producer = camel.createProducerTemplate();
        consumer = camel.createConsumerTemplate();
    }

    @AfterEach
    void stop() {
        if (camel != null) {
            camel.stop();
        }
    }

    private void put(Hop hop, UUID id) {
        producer.sendBody(settings.to(hop), id.toString());
    }

    /** The ids forwarded to {@code hop}, {@code count} of them, then none more. */
    private List<String> forwardedTo(Hop hop, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = consumer.receiveBody(settings.to(hop), WAIT_MS, String.class);
            assertThat(id).as("forwarded to " + hop + " (" + (i + 1) + " of " + count + ")").isNotNull();
            ids.add(id);
        }
        assertThat(consumer.receiveBody(settings.to(hop), ABSENT_MS, String.class)).as("nothing more on " + hop)
                .isNull();
        return ids;
    }

    private GatewayDispatchRoute dispatchRoute(ScriptedGatewayLink gateway) {
        Dispatch dispatch = new Dispatch(store, partners, gateway, issuer,
                new PartnerHolds(new InMemorySettingStore(), clock), clock);
        return new GatewayDispatchRoute(settings, dispatch, new SendRetries(store, dispatch,
                new RelayTimeout(RELAY_TIMEOUT, java.util.Map.of(), partners, store), clock));
    }

    private ConnectorMessage stored(ConnectorMessage message) {
        assertThat(store.insert(message, "stored by the test")).isTrue();
        return message;
    }

    private MessageState stateOf(UUID id) {
        return store.find(id).orElseThrow().state();
    }

    @Test
    void aPreparedSubmissionGoesOnToDispatchARejectedOneNowhere() throws Exception {
        var preparation = new OutboundPreparation(store, partners, issuer, containers,
                new ServiceCatalogue(Set.of()), noDocuments, security, clock);
        run(new OutboundPrepareRoute(settings, preparation));
        var submitted = stored(SampleMessages.outbound(T0).build());
        var toNobody = stored(SampleMessages.outbound(T0).to(SampleMessages.HOME).build());

        put(Topology.SUBMITTED.next(), toNobody.connectorMessageId());
        put(Topology.SUBMITTED.next(), submitted.connectorMessageId());

        assertThat(forwardedTo(Topology.PREPARED.next(), 1)).containsExactly(submitted.connectorMessageId().toString());
        assertThat(stateOf(submitted.connectorMessageId())).isEqualTo(MessageState.ACCEPTED);
        assertThat(stateOf(toNobody.connectorMessageId())).isEqualTo(MessageState.REJECTED);
    }

    /**
     * A delivery past the attempts is still prepared: the deliveries before it may have ended with a sending replica
     * killed or the broker restarted (seen in CrashIT: a healthy message was rejected), not with a failure of its own.
     */
    @Test
    void aSubmissionDeliveredPastItsAttemptsIsPreparedOnceMore() throws Exception {
        var preparation = new OutboundPreparation(store, partners, issuer, containers,
                new ServiceCatalogue(Set.of()), noDocuments, security, clock);
        run(new OutboundPrepareRoute(settings, preparation));
        var submitted = stored(SampleMessages.outbound(T0).build());

        producer.sendBodyAndHeader(settings.to(Topology.SUBMITTED.next()), submitted.connectorMessageId().toString(),
                Headers.DELIVERY_COUNT, settings.maxPrepareAttempts() + 2);

        assertThat(forwardedTo(Topology.PREPARED.next(), 1)).containsExactly(submitted.connectorMessageId()
                .toString());
        assertThat(stateOf(submitted.connectorMessageId())).isEqualTo(MessageState.ACCEPTED);
    }

    /** A preparation that fails on or past its last attempt rejects: nothing goes on to dispatch. */
    @Test
    void aSubmissionWhosePreparationFailsOnItsLastAttemptIsRejectedAndGoesNowhere() throws Exception {
        eu.lexbridge.core.port.PartnerDirectory away = partyId -> {
            throw new IllegalStateException("the database is away");
        };
        var preparation = new OutboundPreparation(store, away, issuer, containers,
                new ServiceCatalogue(Set.of()), noDocuments, security, clock);
        run(new OutboundPrepareRoute(settings, preparation));
        var submitted = stored(SampleMessages.outbound(T0).build());

        producer.sendBodyAndHeader(settings.to(Topology.SUBMITTED.next()), submitted.connectorMessageId().toString(),
                Headers.DELIVERY_COUNT, settings.maxPrepareAttempts() + 1);

        awaitState(submitted.connectorMessageId(), MessageState.REJECTED);
        assertThat(consumer.receiveBody(settings.to(Topology.PREPARED.next()), ABSENT_MS, String.class)).isNull();
    }

    /**
     * A send that fails after the relay timeout gives up at once: RELAY_REMMD_FAILURE, not another redelivery; before
     * it, the attempt is noted and another asked for.
     */
    @Test
    void aFailedSendAttemptAfterTheRelayTimeoutEndsTheMessageWithRelayFailure() throws Exception {
        var gateway = new ScriptedGatewayLink();
        gateway.answer(SendOutcome.retryable("connection refused"), SendOutcome.retryable("connection refused"));
        run(dispatchRoute(gateway));
        var business = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED).build());

        producer.sendBodyAndHeader(settings.to(Topology.PREPARED.next()), business.connectorMessageId().toString(),
                Headers.DELIVERY_COUNT, 40);
        awaitTimeline(business.connectorMessageId(), "send attempt 40 failed: connection refused; tried again until "
                + T0.plus(RELAY_TIMEOUT));
        assertThat(stateOf(business.connectorMessageId())).isEqualTo(MessageState.ACCEPTED);

        clock.advance(RELAY_TIMEOUT);
        producer.sendBodyAndHeader(settings.to(Topology.PREPARED.next()), business.connectorMessageId().toString(),
                Headers.DELIVERY_COUNT, 41);

        awaitState(business.connectorMessageId(), MessageState.RELAY_FAILED);
        assertThat(store.findEvidence(business.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(e -> assertThat(e.reason()).isEqualTo("E404 connection "
                + "refused (attempt 41; the relay timeout of PT12H from the submission has passed)"));
    }

    @Test
    void aReceivedMessageIsSortedOnToTheHopOfItsKind() throws Exception {
        run(new InboundReceiveRoute(settings, store));
        var business = stored(SampleMessages.inbound(T0).build());
        var evidence = stored(SampleMessages.inbound(T0).kind(MessageKind.EVIDENCE).refToMessageId("x@at.test")
                .build());

        put(Topology.RECEIVED.next(), business.connectorMessageId());
        put(Topology.RECEIVED.next(), evidence.connectorMessageId());
        put(Topology.RECEIVED.next(), UUID.randomUUID());

        assertThat(forwardedTo(Topology.sorted(MessageKind.BUSINESS).next(), 1))
                .containsExactly(business.connectorMessageId().toString());
        assertThat(forwardedTo(Topology.sorted(MessageKind.EVIDENCE).next(), 1))
                .containsExactly(evidence.connectorMessageId().toString());
    }

    @Test
    void anAcceptedMessageGoesOnToItsBackendItsRelayAcceptanceBackToTheSender() throws Exception {
        run(new InboundBusinessRoute(settings, new InboundAcceptance(store, partners, verifier, issuer, containers,
                security, clock)));
        var message = stored(SampleMessages.inbound(T0)
                .addPayload(SampleMessages.payload(PayloadKind.CONTAINER, "ASIC-S"))
                .addPayload(SampleMessages.payload(PayloadKind.TRUST_TOKEN, "tokenXML")).build());

        put(Topology.BUSINESS_RECEIVED.next(), message.connectorMessageId());

        assertThat(forwardedTo(Topology.TAKEN_IN.next(), 1)).containsExactly(message.connectorMessageId().toString());
        assertThat(forwardedTo(Topology.EVIDENCE_ISSUED.next(), 1))
                .containsExactly(carrierOf(message, EvidenceType.RELAY_REMMD_ACCEPTANCE));
    }

    /** The official connector's answer to a container that fails: NON_DELIVERY, and the message goes no further. */
    @Test
    void aRefusedContainerSendsBothEvidencesBackAndTheMessageNowhere() throws Exception {
        run(new InboundBusinessRoute(settings, new InboundAcceptance(store, partners, verifier, issuer, containers,
                security, clock)));
        var message = stored(SampleMessages.inbound(T0)
                .addPayload(SampleMessages.payload(PayloadKind.CONTAINER, "ASIC-S")).build());

        put(Topology.BUSINESS_RECEIVED.next(), message.connectorMessageId());

        var replies = forwardedTo(Topology.EVIDENCE_ISSUED.next(), 2);
        assertThat(replies).containsExactly(
                carrierOf(message, EvidenceType.RELAY_REMMD_ACCEPTANCE), carrierOf(message, EvidenceType.NON_DELIVERY));
        assertThat(consumer.receiveBody(settings.to(Topology.TAKEN_IN.next()), ABSENT_MS, String.class)).isNull();
        assertThat(stateOf(message.connectorMessageId())).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
    }

    @Test
    void aMessageHeldForItsBackendGoesNowhereARefusedOneSendsNonDeliveryBack() throws Exception {
        var backends = new InMemoryBackendLink();
        run(new BackendDeliveryRoute(settings, new BackendDelivery(store, m -> "court-a", backends, issuer, clock)));
        var held = stored(SampleMessages.inbound(T0).build());
        var refused = stored(SampleMessages.inbound(T0).build());

        put(Topology.TAKEN_IN.next(), held.connectorMessageId());
        await(() -> backends.offered().size() == 1); // held is offered before the next answer is scripted
        assertThat(consumer.receiveBody(settings.to(Topology.EVIDENCE_ISSUED.next()), ABSENT_MS, String.class))
                .isNull();
        backends.answer(new BackendLink.Refused("not ours"));
        put(Topology.TAKEN_IN.next(), refused.connectorMessageId());

        assertThat(forwardedTo(Topology.EVIDENCE_ISSUED.next(), 1))
                .containsExactly(carrierOf(refused, EvidenceType.NON_DELIVERY));
        assertThat(stateOf(held.connectorMessageId())).isEqualTo(MessageState.AVAILABLE_TO_BACKEND);
        assertThat(stateOf(refused.connectorMessageId())).isEqualTo(MessageState.NOT_DELIVERED_TO_BACKEND);
    }

    @Test
    void businessAndEvidenceMessagesAreSentFromTheHopsThatFollowTheirPreparation() throws Exception {
        var gateway = new ScriptedGatewayLink();
        run(dispatchRoute(gateway));
        var business = stored(SampleMessages.outbound(T0).state(MessageState.ACCEPTED).build());
        var subject = stored(SampleMessages.inbound(T0).build());
        var relay = issuer.issue(subject, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);

        put(Topology.PREPARED.next(), business.connectorMessageId());
        put(Topology.EVIDENCE_ISSUED.next(), relay.carrierMessageId());

        awaitState(business.connectorMessageId(), MessageState.SENT);
        awaitState(relay.carrierMessageId(), MessageState.SENT);
        assertThat(gateway.sends()).hasSize(2);
    }

    @Test
    void aReceivedEvidenceIsCorrelatedFromTheHopThatFollowsItsSorting() throws Exception {
        run(new EvidenceRoute(settings, new EvidenceCorrelation(store, partners, verifier, security, clock)));
        var sent = stored(SampleMessages.outbound(T0).state(MessageState.SENT).build());
        var carrier = stored(SampleMessages.inbound(T0).kind(MessageKind.EVIDENCE).refToMessageId(sent.ebmsMessageId())
                .action(EvidenceType.DELIVERY.as4Action())
                .payloads(List.of(SampleMessages.evidenceDocument(EvidenceType.DELIVERY))).build());

        put(Topology.EVIDENCE_RECEIVED.next(), carrier.connectorMessageId());

        awaitState(sent.connectorMessageId(), MessageState.DELIVERED);
    }

    /** Every queue is read by exactly one route: what the topology puts on a hop, one step takes on. */
    @Test
    void everyHopIsConsumedByExactlyOneRoute() throws Exception {
        var model = new DefaultCamelContext();
        camel = model;
        var preparation = new OutboundPreparation(store, partners, issuer, containers, new ServiceCatalogue(Set.of()),
                noDocuments, security, clock);
        for (RoutesBuilder route : List.of(new OutboundPrepareRoute(settings, preparation),
                dispatchRoute(new ScriptedGatewayLink()),
                new InboundReceiveRoute(settings, store),
                new InboundBusinessRoute(settings, new InboundAcceptance(store, partners, verifier, issuer,
                        containers, security, clock)),
                new BackendDeliveryRoute(settings, new BackendDelivery(store, m -> "court-a",
                        BackendLink.heldForPull(), issuer, clock)),
                new EvidenceRoute(settings, new EvidenceCorrelation(store, partners, verifier, security, clock)),
                new EvidenceForwardingRoute(settings, new EvidenceForwarding(store, store, (hop, id, group) -> {
                }, BackendLink.heldForPull(), clock)))) {
            model.addRoutes(route);
        }

        List<String> consumed = model.getRouteDefinitions().stream()
                .map(r -> r.getInput().getEndpointUri())
                .filter(uri -> !uri.startsWith("timer:")) // the evidence relay reads the outbox, no queue
                .map(uri -> uri.substring(0, uri.indexOf('?'))) // the queue, whatever a route adds to its options
                .toList();

        List<String> expected = new ArrayList<>();
        for (Hop hop : Hop.values()) {
            expected.add(settings.from(hop).substring(0, settings.from(hop).indexOf('?')));
        }
        assertThat(consumed).containsExactlyInAnyOrderElementsOf(expected);
    }

    /**
     * The relay queues an evidence about an outbound message on the hop that follows EVIDENCE_RECORDED, and that hop's
     * consumer offers it to the message's back-end; an evidence about an inbound message is not queued.
     */
    @Test
    void anEvidenceAboutAnOutboundMessageIsRelayedToItsHopAndOfferedToItsBackend() throws Exception {
        var backends = new InMemoryBackendLink();
        backends.pushing();
        List<UUID> queued = new java.util.concurrent.CopyOnWriteArrayList<>();
        var forwarding = new EvidenceForwarding(store, store, (hop, id, group) -> {
            assertThat(hop).isEqualTo(Topology.EVIDENCE_RECORDED.next());
            queued.add(id);
            producer.sendBody(settings.to(hop), id.toString());
        }, backends, clock);
        var outbound = stored(SampleMessages.outbound(T0).build());
        issuer.issue(outbound, EvidenceType.SUBMISSION_ACCEPTANCE, Route.WITH_SUBJECT, MessageState.ACCEPTED, null);
        var inbound = stored(SampleMessages.inbound(T0).backendName("court-a").build());
        issuer.issue(inbound, EvidenceType.RELAY_REMMD_ACCEPTANCE, Route.OWN_MESSAGE, null, null);

        run(new EvidenceForwardingRoute(settings, forwarding));

        await(() -> backends.offered().size() == 1);
        var acceptance = store.findEvidence(outbound.connectorMessageId(), EvidenceType.SUBMISSION_ACCEPTANCE,
                EvidenceOrigin.ISSUED).orElseThrow();
        assertThat(queued).containsExactly(acceptance.evidenceId());
        assertThat(backends.offered()).containsExactly(new InMemoryBackendLink.Offered("court-a",
                outbound.connectorMessageId(), acceptance));
        Thread.sleep(ABSENT_MS);
        assertThat(backends.offered()).as("once").hasSize(1);
    }

    private String carrierOf(ConnectorMessage subject, EvidenceType type) {
        return store.findEvidence(subject.connectorMessageId(), type, EvidenceOrigin.ISSUED).orElseThrow()
                .carrierMessageId().toString();
    }

    private void awaitState(UUID id, MessageState state) throws InterruptedException {
        await(() -> stateOf(id) == state);
        assertThat(stateOf(id)).isEqualTo(state);
    }

    private void awaitTimeline(UUID id, String detail) throws InterruptedException {
        await(() -> store.timeline(id).stream().anyMatch(e -> detail.equals(e.detail())));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMillis(WAIT_MS).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within " + WAIT_MS + " ms").isTrue();
    }

    /**
     * Stands in for the ASiC-S packer (tested in trust-store): packs a stand-in container and token, opens a container
     * that came with its token, and refuses one that came without, as the real one does.
     */
    private static final class StandInContainers implements ContainerPacker {
        @Override
        public List<PayloadRef> pack(ConnectorMessage outbound, DocumentChecker.Check documentCheck) {
            return List.of(SampleMessages.payload(PayloadKind.CONTAINER, "ASIC-S"),
                    SampleMessages.payload(PayloadKind.TRUST_TOKEN, "tokenXML"));
        }

        @Override
        public Unpacked unpack(PayloadRef container, PayloadRef token, Partner sender) {
            return token == null
                    ? new Unpacked(false, "refused: no Trust OK token (tokenXML) came with the container", List.of())
                    : new Unpacked(true, "container sealed, intact and trusted",
                            List.of(SampleMessages.payload(PayloadKind.BUSINESS_DOCUMENT, "form.pdf")));
        }
    }
}
