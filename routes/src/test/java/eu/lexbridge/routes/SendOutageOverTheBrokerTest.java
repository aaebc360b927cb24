package eu.lexbridge.routes;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.evidence.EvidenceOrigin;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.ConnectorIdentity;
import eu.lexbridge.core.flow.Dispatch;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.flow.PartnerHolds;
import eu.lexbridge.core.flow.RelayTimeout;
import eu.lexbridge.core.flow.SendRetries;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.testkit.FixedPartnerDirectory;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemorySettingStore;
import eu.lexbridge.core.testkit.PlainEvidenceFactory;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.core.transport.SendOutcome;
import eu.lexbridge.messaging.QueueSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1 over a real embedded broker, on a scale of seconds: with the broker's back-off (here 100 ms doubling
 * up to 400 ms) a partner that stays down for many more attempts than the old count of six still gets the message
 * once it is back, within the relay timeout (here 6 s); one that stays down past it ends with RELAY_REMMD_FAILURE, and
 * nothing goes to the dead-letter queue. Real time: the broker's delays are.
 */
class SendOutageOverTheBrokerTest {

    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(6);
    private static final long WAIT_MS = 20_000;

    private final Clock clock = Clock.systemUTC();
    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final FixedPartnerDirectory partners = FixedPartnerDirectory.of(SampleMessages.germany());
    private final EvidenceIssuer issuer = new EvidenceIssuer(new ConnectorIdentity(SampleMessages.HOME,
            "lexbridge.at.test"), new PlainEvidenceFactory(), new InMemoryPayloadStore(), store, partners, clock);
    private final Duration first = Duration.ofMillis(100);
    private final Duration max = Duration.ofMillis(400);
    private final QueueSettings queues = new QueueSettings(first, max, 10,
            QueueSettings.deliveriesWithin(QueueSettings.SEND_SPAN, first, max) + 4, 10);
    private final RouteSettings settings = new RouteSettings("jms", 1, Duration.ofHours(1), 3,
            Duration.ofMillis(100), new BackOff(Duration.ZERO, Duration.ZERO));

    private BrokerFixture broker;

    /** A partner whose access point refuses connections until it is brought back. */
    private final class Partner implements GatewayLink {
        final AtomicInteger attempts = new AtomicInteger();
        volatile boolean up;

        @Override
        public SendOutcome send(eu.lexbridge.core.transport.Envelope envelope,
                                java.util.List<eu.lexbridge.core.transport.OutgoingPart> parts,
                                eu.lexbridge.core.transport.Partner partner) {
            attempts.incrementAndGet();
            return up ? SendOutcome.delivered("receipt of " + envelope.ebmsMessageId())
                    : SendOutcome.retryable("connection refused by de.example");
        }
    }

    @BeforeEach
    void startBroker() throws Exception {
        broker = new BrokerFixture(queues);
    }

    @AfterEach
    void stopAll() throws Exception {
        broker.close();
    }

    private void run(Partner partner) throws Exception {
        Dispatch dispatch = new Dispatch(store, partners, partner, issuer,
                new PartnerHolds(new InMemorySettingStore(), clock), clock);
        broker.run(new GatewayDispatchRoute(settings, dispatch, new SendRetries(store, dispatch,
                new RelayTimeout(RELAY_TIMEOUT, Map.of(), partners, store), clock)));
    }

    private ConnectorMessage accepted() {
        ConnectorMessage message = SampleMessages.outbound(clock.instant()).state(MessageState.ACCEPTED).build();
        store.insert(message, "accepted");
        broker.bus().publish(Hop.OUTBOUND_DISPATCH, message.connectorMessageId(), message.conversationId());
        return message;
    }

    @Test
    void aPartnerDownForMoreThanSixAttemptsGetsTheMessageOnceItIsBack() throws Exception {
        Partner partner = new Partner();
        run(partner);
        ConnectorMessage message = accepted();

        await(() -> partner.attempts.get() >= 10); // the old policy gave up after six
        assertThat(state(message)).isEqualTo(MessageState.ACCEPTED);
        partner.up = true;

        await(() -> state(message) == MessageState.SENT);
        assertThat(store.timeline(message.connectorMessageId())).filteredOn(e -> e.detail() != null
                && e.detail().startsWith("send attempt ")).hasSizeGreaterThanOrEqualTo(9);
        assertThat(dead()).isZero();
    }

    @Test
    void aPartnerDownPastTheRelayTimeoutEndsTheMessageWithRelayFailureAndNothingIsDeadLettered() throws Exception {
        Partner partner = new Partner();
        run(partner);
        ConnectorMessage message = accepted();

        await(() -> state(message) == MessageState.RELAY_FAILED);

        assertThat(store.timeline(message.connectorMessageId())).filteredOn(e -> e.state() == MessageState.RELAY_FAILED)
                .singleElement().satisfies(failed -> assertThat(Duration.between(message.createdAt(), failed.at()))
                        .isGreaterThanOrEqualTo(RELAY_TIMEOUT));
        assertThat(store.findEvidence(message.connectorMessageId(), EvidenceType.RELAY_REMMD_FAILURE,
                EvidenceOrigin.ISSUED)).hasValueSatisfying(e -> assertThat(e.reason())
                .contains("connection refused by de.example").contains("the relay timeout of PT6S"));
        int attempts = partner.attempts.get();
        Thread.sleep(1000);
        assertThat(partner.attempts.get()).as("no attempt after the give-up").isEqualTo(attempts);
        assertThat(dead()).isZero();
    }

    private MessageState state(ConnectorMessage message) {
        return store.find(message.connectorMessageId()).orElseThrow().state();
    }

    private int dead() throws Exception {
        return broker.dead(java.util.List.of(Hop.OUTBOUND_DISPATCH));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMillis(WAIT_MS).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("within " + WAIT_MS + " ms").isTrue();
    }
}
