package eu.lexbridge.core.flow;

import static eu.lexbridge.core.flow.FlowFixture.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.MessageEvents;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.SampleMessages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChangeFeedTest {

    private final InMemoryMessageStore store = new InMemoryMessageStore();
    private final ChangeFeed feed = new ChangeFeed(store, Duration.ofMillis(20), Duration.ofMillis(50));

    private UUID sent(String backend) {
        var message = SampleMessages.outbound(T0).backendName(backend).build();
        store.insert(message, "submitted");
        return message.connectorMessageId();
    }

    @Test
    void aReadReturnsTheBackendsEventsAfterTheCursorAndTheCursorToGoOn() {
        UUID own = sent("court-a");
        UUID other = sent("court-b");
        store.advance(own, MessageState.ACCEPTED, "accepted", T0.plusSeconds(1));
        store.advance(other, MessageState.ACCEPTED, "accepted", T0.plusSeconds(2));
        store.advance(own, MessageState.SENT, "sent", T0.plusSeconds(3));

        ChangeFeed.Page first = feed.read("court-a", 0, 1, Duration.ZERO);
        ChangeFeed.Page second = feed.read("court-a", first.cursor(), 10, Duration.ZERO);
        ChangeFeed.Page third = feed.read("court-a", second.cursor(), 10, Duration.ZERO);

        assertThat(first.events()).extracting(MessageEvent::state).containsExactly(MessageState.ACCEPTED);
        assertThat(first.cursor()).isEqualTo(first.events().get(0).sequence());
        assertThat(second.events()).extracting(MessageEvent::connectorMessageId, MessageEvent::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(own, MessageState.SENT));
        assertThat(third.events()).isEmpty();
        assertThat(third.cursor()).as("an empty page keeps the cursor").isEqualTo(second.cursor());
        assertThat(store.pending(10)).as("reading hands nothing on").hasSize(3);
    }

    @Test
    void anEmptyReadWaitsAtMostItsWait() {
        sent("court-a");
        long start = System.nanoTime();

        ChangeFeed.Page page = feed.read("court-a", 0, 10, Duration.ofMillis(300));

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(page.events()).isEmpty();
        assertThat(page.cursor()).isZero();
        assertThat(waited).isBetween(280L, 3000L);
    }

    @Test
    void aWaitingReadAnswersAsSoonAsAnEventIsWritten() throws Exception {
        UUID id = sent("court-a");
        long start = System.nanoTime();
        CompletableFuture<ChangeFeed.Page> read = CompletableFuture.supplyAsync(
                () -> feed.read("court-a", 0, 10, Duration.ofSeconds(20)));
        Thread.sleep(200);

        store.advance(id, MessageState.ACCEPTED, "accepted", T0.plusSeconds(1));

        ChangeFeed.Page page = read.get(10, TimeUnit.SECONDS);
        assertThat(page.events()).extracting(MessageEvent::state).containsExactly(MessageState.ACCEPTED);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5000L);
    }

    /** The case the settle time is for: an event whose transaction commits after a later one must not be skipped. */
    @Test
    void aGapBelowTheLastEventIsWaitedForOnceSoALateCommitIsNotSteppedOver() {
        var outbox = new LateCommits();
        UUID id = UUID.randomUUID();
        outbox.write(1, id, "court-a", true);
        outbox.write(2, id, "court-a", false); // taken, not committed yet
        outbox.write(3, id, "court-a", true);
        outbox.commitOnNextGapCheck(2);
        var settling = new ChangeFeed(outbox, Duration.ofMillis(20), Duration.ofMillis(50));

        ChangeFeed.Page page = settling.read("court-a", 0, 10, Duration.ZERO);

        assertThat(page.events()).extracting(MessageEvent::sequence).containsExactly(1L, 2L, 3L);
        assertThat(page.cursor()).isEqualTo(3);
    }

    /** A rolled-back sequence never fills: after the settle time the page is taken as it is. */
    @Test
    void aGapThatOutlivesTheSettleTimeIsTakenForARollback() {
        var outbox = new LateCommits();
        UUID id = UUID.randomUUID();
        outbox.write(1, id, "court-a", true);
        outbox.write(3, id, "court-a", true); // 2 was rolled back
        var settling = new ChangeFeed(outbox, Duration.ofMillis(20), Duration.ofMillis(50));

        ChangeFeed.Page page = settling.read("court-a", 0, 10, Duration.ZERO);

        assertThat(page.events()).extracting(MessageEvent::sequence).containsExactly(1L, 3L);
        assertThat(outbox.reads).as("read once, then once more after the settle time").isEqualTo(2);
    }

    @Test
    void aCursorLimitOrWaitOutOfRangeIsRefusedNamingIt() {
        assertRefused("after", () -> feed.read("court-a", -1, 10, Duration.ZERO));
        assertRefused("limit", () -> feed.read("court-a", 0, 0, Duration.ZERO));
        assertRefused("limit", () -> feed.read("court-a", 0, ChangeFeed.MAX_LIMIT + 1, Duration.ZERO));
        assertRefused("wait", () -> feed.read("court-a", 0, 10, Duration.ofSeconds(-1)));
        assertRefused("wait", () -> feed.read("court-a", 0, 10, ChangeFeed.MAX_WAIT.plusMillis(1)));
    }

    private static void assertRefused(String field, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ConnectorException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
            assertThat(e.field()).isEqualTo(field);
        });
    }

    /** An outbox whose events become visible out of sequence order, as concurrent transactions commit. */
    private static final class LateCommits implements MessageEvents {
        private final List<MessageEvent> events = new ArrayList<>();
        private final List<String> backends = new ArrayList<>();
        private final Set<Long> visible = new HashSet<>();
        private long commitOnGapCheck = -1;
        int reads;

        void write(long sequence, UUID id, String backend, boolean committed) {
            events.add(new MessageEvent(sequence, id, "conv", MessageState.ACCEPTED, null, null, T0));
            backends.add(backend);
            if (committed) {
                visible.add(sequence);
            }
        }

        void commitOnNextGapCheck(long sequence) {
            commitOnGapCheck = sequence;
        }

        @Override
        public synchronized List<MessageEvent> eventsOf(String backendName, long afterSequence, int limit) {
            reads++;
            List<MessageEvent> page = new ArrayList<>();
            for (int i = 0; i < events.size() && page.size() < limit; i++) {
                MessageEvent e = events.get(i);
                if (e.sequence() > afterSequence && visible.contains(e.sequence())
                        && backends.get(i).equals(backendName)) {
                    page.add(e);
                }
            }
            return page;
        }

        @Override
        public synchronized long written(long afterSequence, long throughSequence) {
            long count = visible.stream().filter(s -> s > afterSequence && s <= throughSequence).count();
            if (commitOnGapCheck > 0) { // the late transaction commits while the feed settles
                visible.add(commitOnGapCheck);
                commitOnGapCheck = -1;
            }
            return count;
        }

        @Override
        public List<MessageEvent> pending(int limit) {
            throw new UnsupportedOperationException("the feed does not hand on");
        }

        @Override
        public boolean handOn(long sequence, Runnable whileClaimed) {
            throw new UnsupportedOperationException("the feed does not hand on");
        }
    }
}
