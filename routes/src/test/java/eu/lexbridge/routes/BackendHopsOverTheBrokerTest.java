package eu.lexbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.BackendDelivery;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.EvidenceForwarding;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.Topology;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageBus;
import eu.lexbridge.core.testkit.FixedPartnerDirectory;
import eu.lexbridge.core.testkit.InMemoryBackendLink;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.PlainEvidenceFactory;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.testkit.TickingClock;
import eu.lexbridge.messaging.QueueSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.camel.RoutesBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The back-end hops over a real embedded broker, with the queues and the redelivery policy of {@link QueueSettings}
 * and the routes' transacted consumers: while a push back-end is down nothing is lost and nothing of a conversation
 * overtakes what came before it; once it is back, everything arrives, in order.
 */
class BackendHopsOverTheBrokerTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final long WAIT_MS = 20_000;

    private final TickingClock clock = new TickingClock(T0);
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final InMemoryPayloadStore payloads = new InMemoryPayloadStore();
    private final EvidenceIssuer issuer = new EvidenceIssuer(new ConnectorIdentity(SampleMessages.HOME,
            "lexbridge.at.test"), new PlainEvidenceFactory(), payloads, store,
            FixedPartnerDirectory.of(SampleMessages.germany()), clock);
    private final InMemoryBackendLink backend = new InMemoryBackendLink();
    private final AnswersSeen link = new AnswersSeen(backend);
    /** Quick back-off for the test; two consumers, so that a free one could take a conversation's next message. */
    private final QueueSettings queues = new QueueSettings(Duration.ofMillis(100), Duration.ofMillis(400), 10,
            10, 1000);
    private final RouteSettings settings = new RouteSettings("jms", 2, Duration.ofHours(1), 3,
            Duration.ofMillis(100), new BackOff(Duration.ofMillis(20), Duration.ofMillis(100)));

    private BrokerFixture broker;
    private MessageBus bus;

    @BeforeEach
    void startBroker() throws Exception {
        broker = new BrokerFixture(queues);
        bus = broker.bus();
    }

    @AfterEach
    void stopAll() throws Exception {
        broker.close();
    }

    private void run(RoutesBuilder... routes) throws Exception {
        broker.run(routes);
    }

    @Test
    void whileThePushBackendIsDownAConversationsSecondMessageWaitsBehindItsFirstAndBothArriveOnceItIsBack()
            throws Exception {
        backend.pushing();
        backend.down("connection refused");
        run(new BackendDeliveryRoute(settings, new BackendDelivery(store, m -> "court-a", link, issuer, clock)));
        String conversation = "conv-" + UUID.randomUUID();
        var first = stored(SampleMessages.inbound(T0).conversationId(conversation).build());
        var second = stored(SampleMessages.inbound(T0).conversationId(conversation).build());

        bus.publish(Hop.BACKEND_DELIVERY, first.connectorMessageId(), conversation);
        bus.publish(Hop.BACKEND_DELIVERY, second.connectorMessageId(), conversation);
        await(() -> link.offersOf(first.connectorMessageId()) >= 4); // several redeliveries with back-off

        assertThat(link.offersOf(second.connectorMessageId())).as("the second is not offered before the first")
                .isZero();
        assertThat(dead()).as("nothing in the dead-letter queue").isZero();

        backend.down(null);
        await(() -> link.pushed().size() == 2);

        assertThat(link.pushed()).containsExactly(first.connectorMessageId(), second.connectorMessageId());
        assertThat(link.offersOf(second.connectorMessageId())).as("the second went straight through").isEqualTo(1);
    }

    @Test
    void evidencesReachAPushBackendInChainOrderAfterItWasDown() throws Exception {
        backend.pushing();
        backend.down("503 from the back-end");
        var forwarding = new EvidenceForwarding(store, store, bus, link, clock);
        run(new EvidenceForwardingRoute(settings, forwarding));
        var message = stored(SampleMessages.outbound(T0).build());
        issuer.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE, EvidenceIssuer.Route.WITH_SUBJECT,
                MessageState.ACCEPTED, null);
        store.advance(message.connectorMessageId(), MessageState.SENT, "sent", clock.instant());
        Evidence relayed = received(message, EvidenceType.RELAY_REMMD_ACCEPTANCE);
        Evidence delivered = received(message, EvidenceType.DELIVERY);
        Evidence accepted = store.findEvidence(message.connectorMessageId(), EvidenceType.SUBMISSION_ACCEPTANCE,
                EvidenceOrigin.ISSUED).orElseThrow();

        await(() -> link.evidenceOffersOf(accepted.evidenceId()) >= 4);
        assertThat(link.evidenceOffersOf(relayed.evidenceId()) + link.evidenceOffersOf(delivered.evidenceId()))
                .as("the later evidences wait behind the first").isZero();

        backend.down(null);
        await(() -> link.pushedEvidences().size() == 3);

        assertThat(link.pushedEvidences()).containsExactly(accepted.evidenceId(), relayed.evidenceId(),
                delivered.evidenceId());
        assertThat(store.timeline(message.connectorMessageId())).filteredOn(e -> e.detail() != null
                && e.detail().startsWith("pushed to back-end court-a")).hasSize(3);
    }

    /**
     * Issue 12: under load, with four consumers and a back-end that fails now and then, each conversation's messages
     * reach it one at a time and in the order they were queued, while several conversations are being delivered at
     * once; every message arrives once.
     */
    @Test
    void underLoadEachConversationStaysInOrderWhileConversationsAreDeliveredInParallel() throws Exception {
        int conversations = 8;
        int perConversation = 40;
        // a failed offer waits longer than the other consumers need to reach the conversation's next message
        var parallel = new RouteSettings("jms", 4, Duration.ofHours(1), 3, Duration.ofMillis(100),
                new BackOff(Duration.ofMillis(50), Duration.ofMillis(100)));
        var recording = new OrderRecordingLink(new Random(12));
        run(new BackendDeliveryRoute(parallel, new BackendDelivery(store, m -> "court-a", recording, issuer, clock)));
        var queued = new LinkedHashMap<String, List<UUID>>();
        for (int c = 0; c < conversations; c++) {
            queued.put("conv-" + c, new ArrayList<>());
        }
        // interleaved, as a busy connector receives them
        for (int i = 0; i < perConversation; i++) {
            for (var conversation : queued.entrySet()) {
                var message = stored(SampleMessages.inbound(T0).conversationId(conversation.getKey()).build());
                conversation.getValue().add(message.connectorMessageId());
                bus.publish(Hop.BACKEND_DELIVERY, message.connectorMessageId(), conversation.getKey());
            }
        }

        await(() -> recording.pushedCount() == conversations * perConversation);

        queued.forEach((conversation, ids) -> assertThat(recording.pushedIn(conversation)).as(conversation)
                .containsExactlyElementsOf(ids));
        assertThat(recording.overlapWithinAConversation()).as("two of one conversation offered at once").isFalse();
        assertThat(recording.mostConversationsAtOnce()).as("conversations delivered in parallel").isGreaterThan(1);
        assertThat(recording.refusedOffers()).as("the back-end failed now and then").isGreaterThan(5);
        assertThat(dead()).isZero();
    }

    /** A push back-end that takes a moment per message and is unreachable for one offer in ten. */
    private static final class OrderRecordingLink implements BackendLink {
        private final Random failures;
        private final Map<String, List<UUID>> pushed = new ConcurrentHashMap<>();
        private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
        private final AtomicInteger total = new AtomicInteger();
        private final AtomicInteger unreachable = new AtomicInteger();
        private volatile int mostAtOnce;
        private volatile boolean overlap;

        OrderRecordingLink(Random failures) {
            this.failures = failures;
        }

        @Override
        public Handover deliver(ConnectorMessage message) {
            String conversation = message.conversationId();
            if (!inFlight.add(conversation)) {
                overlap = true;
            }
            synchronized (this) {
                mostAtOnce = Math.max(mostAtOnce, inFlight.size());
            }
            try {
                Thread.sleep(3);
                boolean fails;
                synchronized (failures) {
                    fails = failures.nextInt(10) == 0;
                }
                if (fails) {
                    unreachable.incrementAndGet();
                    return new Unreachable("503 now and then");
                }
                pushed.computeIfAbsent(conversation, c -> new CopyOnWriteArrayList<>())
                        .add(message.connectorMessageId());
                total.incrementAndGet();
                return new Pushed("taken");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Unreachable("interrupted");
            } finally {
                inFlight.remove(conversation);
            }
        }

        @Override
        public Handover notify(ConnectorMessage subject, Evidence evidence) {
            return new Held();
        }

        int pushedCount() {
            return total.get();
        }

        List<UUID> pushedIn(String conversation) {
            return pushed.getOrDefault(conversation, List.of());
        }

        boolean overlapWithinAConversation() {
            return overlap;
        }

        int mostConversationsAtOnce() {
            return mostAtOnce;
        }

        int refusedOffers() {
            return unreachable.get();
        }
    }

    private ConnectorMessage stored(ConnectorMessage message) {
        assertThat(store.insert(message, "stored by the test")).isTrue();
        return message;
    }

    private Evidence received(ConnectorMessage subject, EvidenceType type) {
        var evidence = new Evidence(UUID.randomUUID(), subject.connectorMessageId(), type, EvidenceOrigin.RECEIVED,
                SampleMessages.evidenceDocument(type), null, clock.instant(), null);
        assertThat(store.recordEvidence(evidence, null, type.outboundState(), type + " received")).isTrue();
        return evidence;
    }

    /** Messages in the dead-letter queues of the back-end hops. */
    private int dead() throws Exception {
        return broker.dead(List.of(Hop.BACKEND_DELIVERY, Hop.BACKEND_EVIDENCE));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMillis(WAIT_MS).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within " + WAIT_MS + " ms").isTrue();
    }

    /** The link as the routes use it, with each offer's answer kept beside it. */
    private static final class AnswersSeen implements BackendLink {
        private record Answer(UUID messageId, UUID evidenceId, Handover handover) {
        }

        private final BackendLink link;
        private final List<Answer> answers = new CopyOnWriteArrayList<>();

        AnswersSeen(BackendLink link) {
            this.link = link;
        }

        @Override
        public Handover deliver(ConnectorMessage message) {
            Handover handover = link.deliver(message);
            answers.add(new Answer(message.connectorMessageId(), null, handover));
            return handover;
        }

        @Override
        public Handover notify(ConnectorMessage subject, Evidence evidence) {
            Handover handover = link.notify(subject, evidence);
            answers.add(new Answer(subject.connectorMessageId(), evidence.evidenceId(), handover));
            return handover;
        }

        long offersOf(UUID messageId) {
            return answers.stream().filter(a -> a.evidenceId() == null && a.messageId().equals(messageId)).count();
        }

        long evidenceOffersOf(UUID evidenceId) {
            return answers.stream().filter(a -> evidenceId.equals(a.evidenceId())).count();
        }

        List<UUID> pushed() {
            return answers.stream().filter(a -> a.evidenceId() == null && a.handover() instanceof Pushed)
                    .map(Answer::messageId).toList();
        }

        List<UUID> pushedEvidences() {
            return answers.stream().filter(a -> a.evidenceId() != null && a.handover() instanceof Pushed)
                    .map(Answer::evidenceId).toList();
        }
    }
}
