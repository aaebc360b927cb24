package eu.lexbridge.backend.soap.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertType;
import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertsType;
import eu.lexbridge.backend.soap.wire.caserecord.ListDeadlineAlertsRequest;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.testkit.InMemoryDeadlineAlerts;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The paging rules of listDeadlineAlerts, and what it answers when the application keeps no alerts. */
class DeadlineAlertPagesTest {

    private static final Instant T = Instant.parse("2026-11-20T09:00:00Z");

    @Test
    void withoutAnAlertStoreEveryPageIsEmptyAndTheCursorStays() {
        DeadlineAlertPages pages = new DeadlineAlertPages(Optional.empty());

        DeadlineAlertsType page = pages.page("court-a", request(7L, null));

        assertThat(page.getAlert()).isEmpty();
        assertThat(page.getCursor()).isEqualTo(7);
        assertThat(pages.page("court-a", null).getCursor()).isZero();
    }

    @Test
    void aPageHoldsAtMostTheLimitAndEndsAtItsCursor() {
        InMemoryDeadlineAlerts store = new InMemoryDeadlineAlerts();
        for (int i = 0; i < 120; i++) {
            store.raise(new DeadlineAlert(0, DeadlineAlert.Kind.DUE_SOON, "court-a", "case-" + i, "D4", "title",
                    null, null, null, T, T.plusSeconds(60), T.plusSeconds(30)));
        }
        DeadlineAlertPages pages = new DeadlineAlertPages(Optional.of(store));

        DeadlineAlertsType first = pages.page("court-a", request(null, null));
        DeadlineAlertsType rest = pages.page("court-a", request(first.getCursor(), 500));

        assertThat(first.getAlert()).hasSize(DeadlineAlertPages.DEFAULT_LIMIT);
        assertThat(first.getCursor()).isEqualTo(100);
        assertThat(rest.getAlert()).extracting(DeadlineAlertType::getSequence).startsWith(101L).endsWith(120L);
        DeadlineAlertType alert = rest.getAlert().get(0);
        assertThat(alert.getSource()).isNull();
        assertThat(alert.getStartedBy()).as("none known: left out").isNull();
    }

    @Test
    void theLimitAndCursorAreChecked() {
        DeadlineAlertPages pages = new DeadlineAlertPages(Optional.of(new InMemoryDeadlineAlerts()));

        assertInvalid(() -> pages.page("court-a", request(null, 0)), "limit");
        assertInvalid(() -> pages.page("court-a", request(null, 501)), "limit");
        assertInvalid(() -> pages.page("court-a", request(-1L, null)), "after");
        assertThat(pages.page("court-a", request(0L, 1)).getAlert()).isEmpty();
        assertThat(pages.page("court-a", request(0L, 500)).getAlert()).isEmpty();
    }

    private static void assertInvalid(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        ConnectorException e = catchThrowableOfType(ConnectorException.class, call);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_FIELD);
        assertThat(e.field()).isEqualTo(field);
    }

    private static ListDeadlineAlertsRequest request(Long after, Integer limit) {
        ListDeadlineAlertsRequest request = new ListDeadlineAlertsRequest();
        request.setAfter(after);
        request.setLimit(limit);
        return request;
    }
}
