package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * An access point that answers as the test scripts it and keeps every send. Synchronous by default (a verified
 * receipt for each send); {@link #asynchronous()} makes it take every message and answer PENDING, as Domibus does, and
 * the test reports later through the flow's {@link eu.lexbridge.core.port.GatewayOutcomes}.
 */
public final class ScriptedGatewayLink implements GatewayLink {

    /** One send as the flow made it. */
    public record Send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
    }

    private final Deque<SendOutcome> answers = new ArrayDeque<>();
    private final List<Send> sends = new ArrayList<>();
    private Runnable duringSend = () -> { };
    private boolean asynchronous;

    /** The next sends answer these, in order; later ones get the default answer. */
    public synchronized void answer(SendOutcome... outcomes) {
        answers.addAll(List.of(outcomes));
    }

    /** From now on the default answer is PENDING: the gateway has the message and reports later. */
    public synchronized void asynchronous() {
        this.asynchronous = true;
    }

    /** Something that happens while the send is on the wire, e.g. an evidence that overtakes the receipt. */
    public synchronized void whileSending(Runnable event) {
        this.duringSend = event;
    }

    public synchronized List<Send> sends() {
        return List.copyOf(sends);
    }

    @Override
    public synchronized SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
        sends.add(new Send(envelope, List.copyOf(parts), partner));
        duringSend.run();
        if (!answers.isEmpty()) {
            return answers.poll();
        }
        return asynchronous ? SendOutcome.pending("queued by the gateway as " + envelope.ebmsMessageId())
                : SendOutcome.delivered("receipt-" + sends.size() + "@de.test");
    }
}
