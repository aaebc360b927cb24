package eu.lexbridge.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.record.DeadlineAlert.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeadlineAlerts} must do; an implementation's test extends this, {@link #alerts()} giving a fresh,
 * empty store each time it is called.
 */
public abstract class DeadlineAlertsContract {

    private static final Instant AT = Instant.parse("2026-12-06T08:00:00Z");

    protected abstract DeadlineAlerts alerts();

    /** An alert about limit {@code id}, started by {@code startedBy}, of a conversation of {@code backend}. */
    public static DeadlineAlert alert(Kind kind, String backend, String conversation, String id, String startedBy) {
        return new DeadlineAlert(0, kind, backend, conversation, id, "produce the data within 10 days",
                "Reg (EU) 2023/1543 Art 10(2)", "addressee", startedBy, AT.minusSeconds(864_000),
                AT.plusSeconds(3600), AT);
    }

    @Test
    void anAlertIsKeptOnceWithEveryFieldAsItWasGiven() {
        DeadlineAlerts store = alerts();
        DeadlineAlert alert = alert(Kind.DUE_SOON, "court-a", "conv-1", "D4", "msg-1");

        assertThat(store.raise(alert)).isTrue();
        assertThat(store.raise(alert.kept(99))).as("the same alert found again by the next watch").isFalse();

        List<DeadlineAlert> pending = store.pending(10);
        assertThat(pending).singleElement().satisfies(kept -> {
            assertThat(kept.sequence()).isPositive();
            assertThat(kept).isEqualTo(alert.kept(kept.sequence()));
        });
    }

    @Test
    void anotherKindLimitStartOrBackEndIsAnotherAlert() {
        DeadlineAlerts store = alerts();
        store.raise(alert(Kind.DUE_SOON, "court-a", "conv-1", "D4", "msg-1"));

        assertThat(store.raise(alert(Kind.MISSED, "court-a", "conv-1", "D4", "msg-1"))).isTrue();
        assertThat(store.raise(alert(Kind.DUE_SOON, "court-a", "conv-1", "D4", "msg-2"))).isTrue();
        assertThat(store.raise(alert(Kind.DUE_SOON, "court-a", "conv-1", "D11", "msg-1"))).isTrue();
        assertThat(store.raise(alert(Kind.DUE_SOON, "court-b", "conv-1", "D4", "msg-1"))).isTrue();
        assertThat(store.raise(alert(Kind.DUE_SOON, "court-a", "conv-1", "D4", null))).isTrue();
        assertThat(store.raise(alert(Kind.DUE_SOON, "court-a", "conv-1", "D4", ""))).as("no start is one start")
                .isFalse();
        assertThat(store.pending(10)).hasSize(6);
    }

    @Test
    void anAlertHandedOnIsNoLongerPendingAndIsHandedOnOnce() {
        DeadlineAlerts store = alerts();
        store.raise(alert(Kind.DUE_SOON, "court-a", "conv-1", "D4", "msg-1"));
        store.raise(alert(Kind.MISSED, "court-a", "conv-1", "D2", "msg-1"));
        List<DeadlineAlert> pending = store.pending(10);
        assertThat(pending).extracting(DeadlineAlert::deadlineId).containsExactly("D4", "D2");

        List<String> ran = new ArrayList<>();
        assertThat(store.handOn(pending.get(0).sequence(), () -> ran.add("first"))).isTrue();
        assertThat(store.handOn(pending.get(0).sequence(), () -> ran.add("again"))).isFalse();
        assertThat(store.handOn(pending.get(1).sequence() + 1000, () -> ran.add("unknown"))).isFalse();

        assertThat(ran).containsExactly("first");
        assertThat(store.pending(10)).extracting(DeadlineAlert::deadlineId).containsExactly("D2");
    }

    @Test
    void aHandOnThatFailsLeavesTheAlertPending() {
        DeadlineAlerts store = alerts();
        store.raise(alert(Kind.MISSED, "court-a", "conv-1", "D2", "msg-1"));
        long sequence = store.pending(1).get(0).sequence();

        assertThatThrownBy(() -> store.handOn(sequence, () -> {
            throw new IllegalStateException("the back-end is down");
        })).hasMessage("the back-end is down");

        assertThat(store.pending(10)).extracting(DeadlineAlert::sequence).containsExactly(sequence);
        assertThat(store.handOn(sequence, () -> { })).isTrue();
    }

    @Test
    void aBackEndReadsItsOwnAlertsAfterItsCursorHandedOnOrNot() {
        DeadlineAlerts store = alerts();
        store.raise(alert(Kind.DUE_SOON, "court-a", "conv-1", "D4", "msg-1"));
        store.raise(alert(Kind.DUE_SOON, "court-b", "conv-2", "D4", "msg-2"));
        store.raise(alert(Kind.MISSED, "court-a", "conv-1", "D4", "msg-1"));
        List<DeadlineAlert> own = store.alertsOf("court-a", 0, 10);
        store.handOn(own.get(0).sequence(), () -> { });

        assertThat(own).extracting(DeadlineAlert::kind).containsExactly(Kind.DUE_SOON, Kind.MISSED);
        assertThat(store.alertsOf("court-a", 0, 10)).isEqualTo(own);
        assertThat(store.alertsOf("court-a", own.get(0).sequence(), 10)).containsExactly(own.get(1));
        assertThat(store.alertsOf("court-a", 0, 1)).containsExactly(own.get(0));
        assertThat(store.alertsOf("court-c", 0, 10)).isEmpty();
    }
}
