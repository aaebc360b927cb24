package eu.lexbridge.backend.soap;

import static eu.lexbridge.backend.soap.CaseRecordWebServiceTest.assertSenderFault;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertKind;
import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertType;
import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertsType;
import eu.lexbridge.backend.soap.wire.caserecord.ListDeadlineAlertsRequest;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.testkit.InMemoryDeadlineAlerts;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * listDeadlineAlerts: a back-end that pulls reads its own alerts about time limits due soon or missed, after a cursor,
 * lowest sequence first, never another back-end's; nothing is marked, so a lost answer loses nothing.
 */
class DeadlineAlertListTest extends SoapTestSupport {

    private static final Instant STARTED = Instant.parse("2026-11-20T09:00:00Z");

    @Autowired InMemoryDeadlineAlerts alerts;

    @Test
    void aBackEndReadsOnlyItsOwnAlertsAfterTheCursorInOrder() {
        long start = raise(COURT_A, DeadlineAlert.Kind.DUE_SOON) - 1;
        long second = raise(COURT_A, DeadlineAlert.Kind.MISSED);
        raise(COURT_B, DeadlineAlert.Kind.DUE_SOON);
        long third = raise(COURT_A, DeadlineAlert.Kind.DUE_SOON);
        long courtBs = raise(COURT_B, DeadlineAlert.Kind.MISSED);

        DeadlineAlertsType page = caseRecord(COURT_A).listDeadlineAlerts(request(start, 2));

        assertThat(page.getAlert()).extracting(DeadlineAlertType::getSequence).containsExactly(start + 1, second);
        assertThat(page.getCursor()).isEqualTo(second);
        DeadlineAlertType missed = page.getAlert().get(1);
        assertThat(missed.getKind()).isEqualTo(DeadlineAlertKind.MISSED);
        assertThat(missed.getDeadlineId()).isEqualTo("D4");
        assertThat(missed.getTitle()).isEqualTo("Transmit the requested data");
        assertThat(missed.getSource()).isEqualTo("Reg (EU) 2023/1543 Art 10(2)");
        assertThat(missed.getActor()).isEqualTo("addressee");
        assertThat(missed.getStartedBy()).isNotBlank();
        assertThat(missed.getStartedAt().toGregorianCalendar().toInstant()).isEqualTo(STARTED);
        assertThat(missed.getDueAt().toGregorianCalendar().toInstant()).isEqualTo(STARTED.plus(Duration.ofDays(10)));
        assertThat(missed.getRaisedAt().toGregorianCalendar().toInstant())
                .isEqualTo(STARTED.plus(Duration.ofDays(10)).plusSeconds(60));

        // the HTTP Basic fallback reads the same: the back-end is who authenticated, however it did
        DeadlineAlertsType next = basicCaseRecord(COURT_A, COURT_A_PASSWORD)
                .listDeadlineAlerts(request(page.getCursor(), 2));
        assertThat(next.getAlert()).extracting(DeadlineAlertType::getSequence).containsExactly(third);
        assertThat(next.getAlert()).extracting(DeadlineAlertType::getConversationId).doesNotContainNull();

        DeadlineAlertsType none = caseRecord(COURT_A).listDeadlineAlerts(request(next.getCursor(), 2));
        assertThat(none.getAlert()).isEmpty();
        assertThat(none.getCursor()).as("unchanged when nothing came").isEqualTo(third);

        // court-b sees its own only, and nothing is marked: reading again answers the same
        assertThat(caseRecord(COURT_B).listDeadlineAlerts(request(start, 500)).getAlert())
                .extracting(DeadlineAlertType::getSequence).containsExactly(second + 1, courtBs);
        assertThat(caseRecord(COURT_A).listDeadlineAlerts(request(start, 2)).getAlert())
                .extracting(DeadlineAlertType::getSequence).containsExactly(start + 1, second);
    }

    @Test
    void withoutAfterAndLimitUpToAHundredComeFromTheFirst() {
        raise(COURT_A, DeadlineAlert.Kind.DUE_SOON);
        raise(COURT_B, DeadlineAlert.Kind.DUE_SOON);
        List<Long> courtAs = alerts.alertsOf(COURT_A, 0, 100).stream().map(DeadlineAlert::sequence).toList();

        DeadlineAlertsType page = caseRecord(COURT_A).listDeadlineAlerts(new ListDeadlineAlertsRequest());

        assertThat(page.getAlert()).extracting(DeadlineAlertType::getSequence).isEqualTo(courtAs);
        assertThat(page.getAlert()).extracting(DeadlineAlertType::getConversationId)
                .allSatisfy(id -> assertThat(id).startsWith(COURT_A + "-case-"));
        assertThat(page.getCursor()).isEqualTo(courtAs.get(courtAs.size() - 1));
    }

    @Test
    void aLimitOutOfRangeOrANegativeCursorIsRefusedNamingIt() {
        assertSenderFault(assertFault(() -> caseRecord(COURT_A).listDeadlineAlerts(request(0L, 0)), "LB-1002"),
                "limit");
        assertSenderFault(assertFault(() -> caseRecord(COURT_A).listDeadlineAlerts(request(0L, 501)), "LB-1002"),
                "limit");
        assertSenderFault(assertFault(() -> caseRecord(COURT_A).listDeadlineAlerts(request(-1L, 10)), "LB-1002"),
                "after");
    }

    @Test
    void aCallWithoutAuthenticationReadsNothing() {
        raise(COURT_A, DeadlineAlert.Kind.DUE_SOON);

        assertFault(() -> basicCaseRecord(null, null).listDeadlineAlerts(request(0L, 10)), "LB-1200");
    }

    // ---- helpers

    /** Keeps an alert about a limit of a conversation of {@code backend}; its sequence. */
    private long raise(String backend, DeadlineAlert.Kind kind) {
        String conversation = backend + "-case-" + UUID.randomUUID();
        Instant due = STARTED.plus(Duration.ofDays(10));
        assertThat(alerts.raise(new DeadlineAlert(0, kind, backend, conversation, "D4",
                "Transmit the requested data", "Reg (EU) 2023/1543 Art 10(2)", "addressee",
                UUID.randomUUID().toString(), STARTED, due, due.plusSeconds(60)))).isTrue();
        List<DeadlineAlert> own = alerts.alertsOf(backend, 0, Integer.MAX_VALUE);
        return own.get(own.size() - 1).sequence();
    }

    private static ListDeadlineAlertsRequest request(Long after, Integer limit) {
        ListDeadlineAlertsRequest request = new ListDeadlineAlertsRequest();
        request.setAfter(after);
        request.setLimit(limit);
        return request;
    }
}
