package eu.lexbridge.record.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.record.DeadlineAlert.Kind;
import eu.lexbridge.core.testkit.InMemoryBackendLink;
import eu.lexbridge.core.testkit.InMemoryDeadlineAlerts;
import eu.lexbridge.record.timeline.DeadlineAlerting.Outcome;
import eu.lexbridge.record.timeline.DeadlineWatch.Report;
import eu.lexbridge.record.timeline.DeadlineWatch.Watched;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each limit due soon or missed is told to its back-end once, in order, and waits while the back-end is down. */
class DeadlineAlertingTest {

    private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");

    private final InMemoryDeadlineAlerts alerts = new InMemoryDeadlineAlerts();
    private final InMemoryBackendLink link = new InMemoryBackendLink();
    private final DeadlineAlerting alerting = new DeadlineAlerting(alerts, link);

    private static Watched watched(String backend, String conversation, String id, CaseDeadline.Status status,
                                   Instant due) {
        return new Watched(conversation, backend, new CaseDeadline(id, "produce the data", "Reg (EU) 2023/1543 "
                + "Art 10(2)", "addressee", "msg-" + conversation, NOW.minus(Duration.ofDays(9)), due, status, null,
                false));
    }

    private static Report report(Instant at, List<Watched> dueSoon, List<Watched> missed) {
        return new Report(at, dueSoon, missed, 1);
    }

    @Test
    void aLimitDueSoonIsPushedOnceThoughEveryWatchFindsItAgain() {
        link.pushing();
        Report report = report(NOW, List.of(watched("court-a", "c-1", "D4", CaseDeadline.Status.RUNNING,
                NOW.plus(Duration.ofHours(20)))), List.of());

        Outcome first = alerting.alert(report);
        Outcome second = alerting.alert(report(NOW.plus(Duration.ofMinutes(15)), report.dueSoon(), List.of()));

        assertThat(first).isEqualTo(new Outcome(1, 1, 0, 0, 0));
        assertThat(second).isEqualTo(new Outcome(0, 0, 0, 0, 0));
        assertThat(link.alerted()).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(Kind.DUE_SOON);
            assertThat(alert.backendName()).isEqualTo("court-a");
            assertThat(alert.conversationId()).isEqualTo("c-1");
            assertThat(alert.deadlineId()).isEqualTo("D4");
            assertThat(alert.startedBy()).isEqualTo("msg-c-1");
            assertThat(alert.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(20)));
            assertThat(alert.raisedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void theSameLimitMissedLaterIsASecondAlert() {
        link.pushing();
        Instant due = NOW.plus(Duration.ofHours(20));
        alerting.alert(report(NOW, List.of(watched("court-a", "c-1", "D4", CaseDeadline.Status.RUNNING, due)),
                List.of()));

        Outcome missed = alerting.alert(report(due.plusSeconds(60), List.of(),
                List.of(watched("court-a", "c-1", "D4", CaseDeadline.Status.MISSED, due))));

        assertThat(missed.pushed()).isEqualTo(1);
        assertThat(link.alerted()).extracting(DeadlineAlert::kind).containsExactly(Kind.DUE_SOON, Kind.MISSED);
    }

    @Test
    void aBackEndThatIsDownGetsItsAlertsInOrderWhenItIsBackAndTheOthersGetTheirsAtOnce() {
        link.pushing();
        link.answer(new BackendLink.Unreachable("the webhook of court-a answered HTTP 503"));
        Instant due = NOW.plus(Duration.ofHours(5));
        Report report = report(NOW, List.of(watched("court-a", "c-1", "D4", CaseDeadline.Status.RUNNING, due),
                        watched("court-b", "c-2", "D4", CaseDeadline.Status.RUNNING, due)),
                List.of(watched("court-a", "c-3", "D2", CaseDeadline.Status.MISSED, NOW.minusSeconds(60))));

        Outcome down = alerting.alert(report);

        assertThat(down).isEqualTo(new Outcome(3, 1, 0, 0, 2));
        assertThat(alerts.pending(10)).extracting(DeadlineAlert::conversationId).containsExactly("c-1", "c-3");

        Outcome back = alerting.alert(report);

        assertThat(back).isEqualTo(new Outcome(0, 2, 0, 0, 0));
        assertThat(alerts.pending(10)).isEmpty();
        assertThat(link.alerted()).extracting(DeadlineAlert::conversationId)
                .containsExactly("c-1", "c-2", "c-1", "c-3");
    }

    @Test
    void aPullBackEndsAlertIsHeldForItAndARefusalIsNotOfferedAgain() {
        link.answer(new BackendLink.Refused("HTTP 400"));
        Instant due = NOW.plus(Duration.ofHours(5));
        Report report = report(NOW, List.of(watched("court-a", "c-1", "D4", CaseDeadline.Status.RUNNING, due),
                watched("court-b", "c-2", "D4", CaseDeadline.Status.RUNNING, due)), List.of());

        assertThat(alerting.alert(report)).isEqualTo(new Outcome(2, 0, 1, 1, 0));
        assertThat(alerting.alert(report)).isEqualTo(new Outcome(0, 0, 0, 0, 0));
        assertThat(alerts.alertsOf("court-b", 0, 10)).extracting(DeadlineAlert::deadlineId).containsExactly("D4");
    }
}
