package eu.lexbridge.backend.soap.service;

import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertKind;
import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertType;
import eu.lexbridge.backend.soap.wire.caserecord.DeadlineAlertsType;
import eu.lexbridge.backend.soap.wire.caserecord.ListDeadlineAlertsRequest;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.DeadlineAlerts;
import eu.lexbridge.core.record.DeadlineAlert;
import java.util.List;
import java.util.Optional;

/**
 * A back-end's deadline alerts a page at a time, as {@code listDeadlineAlerts} answers them: those with a sequence
 * above the cursor the back-end gives, lowest first, and the cursor to give next time. Nothing is marked read, so an
 * answer lost on the way loses nothing. Without an alert store no alert is ever raised: every page is empty.
 */
final class DeadlineAlertPages {

    /** Alerts in one page when the back-end does not say. */
    static final int DEFAULT_LIMIT = 100;
    /** The most alerts one page carries. */
    static final int MAX_LIMIT = 500;

    private final Optional<DeadlineAlerts> store;

    DeadlineAlertPages(Optional<DeadlineAlerts> store) {
        this.store = store;
    }

    /**
     * {@code backend}'s alerts after {@code after} (0 when not given), at most {@code limit} (1 to
     * {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when not given).
     *
     * @throws ConnectorException INVALID_FIELD naming {@code after} or {@code limit}
     */
    DeadlineAlertsType page(String backend, ListDeadlineAlertsRequest request) {
        long after = request == null || request.getAfter() == null ? 0 : request.getAfter();
        int limit = request == null || request.getLimit() == null ? DEFAULT_LIMIT : request.getLimit();
        if (after < 0) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "after",
                    "after must be 0 or the cursor of an earlier answer");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "limit",
                    "limit must be between 1 and " + MAX_LIMIT);
        }
        List<DeadlineAlert> alerts = store.map(s -> s.alertsOf(backend, after, limit)).orElse(List.of());
        DeadlineAlertsType page = new DeadlineAlertsType();
        alerts.forEach(alert -> page.getAlert().add(alert(alert)));
        page.setCursor(alerts.isEmpty() ? after : alerts.get(alerts.size() - 1).sequence());
        return page;
    }

    private static DeadlineAlertType alert(DeadlineAlert a) {
        DeadlineAlertType wire = new DeadlineAlertType();
        wire.setSequence(a.sequence());
        wire.setKind(DeadlineAlertKind.fromValue(a.kind().name()));
        wire.setConversationId(a.conversationId());
        wire.setDeadlineId(a.deadlineId());
        wire.setTitle(a.title());
        wire.setSource(a.source());
        wire.setActor(a.actor());
        wire.setStartedBy(a.startedBy().isEmpty() ? null : a.startedBy());
        wire.setStartedAt(XmlTimes.of(a.startedAt()));
        wire.setDueAt(XmlTimes.of(a.dueAt()));
        wire.setRaisedAt(XmlTimes.of(a.raisedAt()));
        return wire;
    }
}
