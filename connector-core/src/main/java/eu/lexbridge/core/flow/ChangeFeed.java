package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.message.MessageEvent;
import eu.lexbridge.core.port.MessageEvents;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A back-end's change feed: the events of its own messages (states reached, evidences recorded) in the order the
 * outbox wrote them, read after a cursor the back-end keeps, waiting a bounded time when there is nothing new, so
 * that no back-end has to poll each message. It only reads the outbox ({@link MessageEvents#eventsOf}): it marks and
 * deletes nothing, so any number of back-ends and readers can follow it.
 *
 * <p>Sequences are taken when a transaction writes its event and become visible when it commits, in any order. A
 * cursor moved past a sequence that is not visible yet would step over that event for good. So when a page has a gap
 * below its last event ({@link MessageEvents#written}), the feed waits {@code settle} and reads the page again, once:
 * the store writes the event as the last statement of its transaction, so a gap that outlives the settle time is a
 * transaction that rolled back (or a sequence the database skipped), not one about to commit. This is the gap
 * handling of SQLStreamStore's reads of its all-stream, which reloads a page with gaps once after a delay.
 */
public final class ChangeFeed {

    /** The longest a back-end may ask the feed to wait for a change. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);
    /** The most events one read returns. */
    public static final int MAX_LIMIT = 500;

    private final MessageEvents events;
    private final Duration pollInterval;
    private final Duration settle;

    /**
     * The wait is real time on the machine's monotonic clock, not the connector's {@code Clock}: a read sleeps, and a
     * clock a test holds still must not make it sleep for ever.
     *
     * @param pollInterval how often a waiting read looks at the outbox again
     * @param settle how long a read waits for a gap below its events to fill before it takes the page as it is
     */
    public ChangeFeed(MessageEvents events, Duration pollInterval, Duration settle) {
        this.events = Objects.requireNonNull(events, "events");
        if (pollInterval.isNegative() || pollInterval.isZero() || settle.isNegative()) {
            throw new IllegalArgumentException("the poll interval must be positive and the settle time not negative");
        }
        this.pollInterval = pollInterval;
        this.settle = settle;
    }

    /** One page of the feed and the cursor to read on from. */
    public record Page(List<MessageEvent> events, long cursor) {
        public Page {
            events = List.copyOf(events);
        }
    }

    /**
     * The back-end's events after {@code cursor}, oldest first; when there are none, waits up to {@code wait} for
     * one. The page's cursor is the last event's sequence, or {@code cursor} when the page is empty.
     *
     * @param cursor 0 for the beginning, otherwise a cursor a page returned
     */
    public Page read(String backendName, long cursor, int limit, Duration wait) {
        Objects.requireNonNull(backendName, "backendName");
        if (cursor < 0) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "after", "the cursor must be a cursor the feed "
                    + "returned, or 0 for the beginning");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (wait.isNegative() || wait.compareTo(MAX_WAIT) > 0) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "wait",
                    "wait must be between PT0S and " + MAX_WAIT);
        }
        long deadline = System.nanoTime() + wait.toNanos();
        boolean settled = false;
        while (true) {
            List<MessageEvent> page = events.eventsOf(backendName, cursor, limit);
            if (!page.isEmpty()) {
                long last = page.get(page.size() - 1).sequence();
                if (!settled && events.written(cursor, last) < last - cursor && pause(settle)) {
                    settled = true; // a gap below our last event: give its transaction time to commit, once
                    continue;
                }
                return new Page(page, last);
            }
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            if (left.isNegative() || left.isZero() || !pause(left.compareTo(pollInterval) < 0 ? left : pollInterval)) {
                return new Page(List.of(), cursor);
            }
        }
    }

    /** @return false when the thread was interrupted: the read answers with what it has */
    private static boolean pause(Duration time) {
        try {
            Thread.sleep(time.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
