package eu.lexbridge.core.testkit;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.record.DeadlineAlert;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Back-ends in memory: a pull back-end by default (everything is held), a push back-end after {@link #pushing()} (each
 * message, evidence and alert is taken and kept here, as the back-end would have it); single answers can be scripted (a
 * refusal, an unreachable back-end).
 */
public final class InMemoryBackendLink implements BackendLink {

    /** One message or evidence offered to a back-end. */
    public record Offered(String backendName, UUID connectorMessageId, Evidence evidence) {
    }

    private final List<Offered> offered = new CopyOnWriteArrayList<>();
    private final List<DeadlineAlert> alerted = new CopyOnWriteArrayList<>();
    private final Deque<Handover> answers = new ArrayDeque<>();
    private volatile boolean pushing;
    private volatile String down;

    /** From now on every offer is pushed and taken. */
    public void pushing() {
        this.pushing = true;
    }

    /**
     * While {@code why} is not {@code null}, every offer answers Unreachable with it (after the scripted answers), as a
     * push back-end that is down; {@code null} brings it back.
     */
    public void down(String why) {
        this.down = why;
    }

    /** The next offers answer these, in order; later ones get the default answer. */
    public synchronized void answer(Handover... handovers) {
        answers.addAll(List.of(handovers));
    }

    /** What was offered, in order: messages without evidence, then evidences with theirs. */
    public List<Offered> offered() {
        return List.copyOf(offered);
    }

    /** The time-limit alerts offered, in order, whatever the answer was. */
    public List<DeadlineAlert> alerted() {
        return List.copyOf(alerted);
    }

    @Override
    public Handover alert(DeadlineAlert alert) {
        alerted.add(alert);
        return next("alert " + alert.sequence());
    }

    @Override
    public Handover deliver(ConnectorMessage message) {
        offered.add(new Offered(message.backendName(), message.connectorMessageId(), null));
        return next("message " + message.connectorMessageId());
    }

    @Override
    public Handover notify(ConnectorMessage subject, Evidence evidence) {
        offered.add(new Offered(subject.backendName(), subject.connectorMessageId(), evidence));
        return next(evidence.type() + " about message " + subject.connectorMessageId());
    }

    private synchronized Handover next(String what) {
        if (!answers.isEmpty()) {
            return answers.poll();
        }
        String why = down;
        if (why != null) {
            return new Unreachable(why);
        }
        return pushing ? new Pushed(what + " taken by the back-end") : new Held();
    }
}
