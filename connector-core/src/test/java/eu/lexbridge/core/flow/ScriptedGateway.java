package eu.lexbridge.core.flow;

import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An access point that answers as the test scripts it (a verified receipt by default) and keeps every send. */
final class ScriptedGateway implements GatewayLink {

    /** One send as the flow made it. */
    record Send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
    }

    private final Deque<SendOutcome> answers = new ArrayDeque<>();
    private final List<Send> sends = new ArrayList<>();
    private Runnable duringSend = () -> { };

    /** The next sends answer these, in order; later ones get a receipt. */
    void answer(SendOutcome... outcomes) {
        answers.addAll(List.of(outcomes));
    }

    /** Something that happens while the send is on the wire, e.g. an evidence that overtakes the receipt. */
    void whileSending(Runnable event) {
        this.duringSend = event;
    }

    List<Send> sends() {
        return List.copyOf(sends);
    }

    @Override
    public SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
        sends.add(new Send(envelope, List.copyOf(parts), partner));
        duringSend.run();
        return answers.isEmpty() ? SendOutcome.delivered("receipt-" + sends.size() + "@de.test") : answers.poll();
    }
}
