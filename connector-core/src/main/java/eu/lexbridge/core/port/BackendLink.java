package eu.lexbridge.core.port;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.record.DeadlineAlert;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How received messages and evidences reach a back-end: pushed (the connector calls the back-end, as the official
 * connector's push back-ends are called) or held for the back-end to pull (the REST inbox, {@code heldForPull()}).
 *
 * <p>Either way the back-end answers later with a confirmation of its own (DELIVERY, NON_DELIVERY, RETRIEVAL,
 * NON_RETRIEVAL; {@link eu.lexbridge.core.evidence.BackendConfirmation}), which the connector turns into the
 * evidence the sender is owed: a push that succeeds is not a DELIVERY by itself. A link never throws for trouble on the
 * way to the back-end; its hand-over says it.
 */
public interface BackendLink {

    /**
     * Offers an inbound business message to its back-end ({@link ConnectorMessage#backendName()}). Called again for the
     * same message when the step is redelivered: a push link may push twice, and the back-end must take that.
     */
    Handover deliver(ConnectorMessage message);

    /**
     * Offers an evidence about one of the back-end's messages (received from the other side, or issued here). Pull
     * back-ends read evidences with their messages; the message events ({@link MessageEvents}) say when to offer one.
     */
    Handover notify(ConnectorMessage subject, Evidence evidence);

    /**
     * Tells a back-end ({@link DeadlineAlert#backendName()}) that a time limit of one of its conversations is due soon
     * or was missed. A link whose wire has no place for it (the official connector's delivery web service) holds it:
     * the back-end reads its alerts from the case-record API, as a pull back-end does.
     */
    default Handover alert(DeadlineAlert alert) {
        return new Held();
    }

    /**
     * Whether an offer to {@code backendName} may go anywhere: {@code false} when every offer would be answered Held
     * (a pull back-end), so that nothing is queued for it. A link that cannot tell answers {@code true}.
     */
    default boolean pushesTo(String backendName) {
        return true;
    }

    /** What became of one offer. */
    sealed interface Handover permits Held, Pushed, Refused, Unreachable {
    }

    /** Kept for the back-end to fetch: it sees the message in its inbox. */
    record Held() implements Handover {
    }

    /** The back-end took it. */
    record Pushed(String detail) implements Handover {
        public Pushed {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The back-end refused it (official code E200): the sender gets NON_DELIVERY. */
    record Refused(String detail) implements Handover {
        public Refused {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** The back-end could not be reached; another attempt may succeed. */
    record Unreachable(String detail) implements Handover {
        public Unreachable {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** Every message and evidence held for the back-ends to pull, as the REST back-end API reads them. */
    static BackendLink heldForPull() {
        return HeldForPull.INSTANCE;
    }

    /**
     * One link for every back-end: a back-end one of {@code pushes} pushes to is offered its messages and evidences
     * through that API's link; every other back-end pulls ({@link #heldForPull()}).
     *
     * @throws IllegalArgumentException when two APIs push to one back-end: which one delivers would be a guess
     */
    static BackendLink routed(List<PushDelivery> pushes) {
        Map<String, BackendLink> links = new HashMap<>();
        Map<String, String> apis = new HashMap<>();
        for (PushDelivery push : pushes) {
            push.links().forEach((backend, link) -> {
                String earlier = apis.putIfAbsent(backend, push.api());
                if (earlier != null) {
                    throw new IllegalArgumentException("back-end " + backend + " is pushed to by both the " + earlier
                            + " and the " + push.api() + " API; configure push delivery for it in one of them");
                }
                links.put(backend, link);
            });
        }
        if (links.isEmpty()) {
            return heldForPull();
        }
        Map<String, BackendLink> byBackend = Map.copyOf(links);
        return new BackendLink() {
            @Override
            public Handover deliver(ConnectorMessage message) {
                return byBackend.getOrDefault(message.backendName(), HeldForPull.INSTANCE).deliver(message);
            }

            @Override
            public Handover notify(ConnectorMessage subject, Evidence evidence) {
                return byBackend.getOrDefault(subject.backendName(), HeldForPull.INSTANCE).notify(subject, evidence);
            }

            @Override
            public Handover alert(DeadlineAlert alert) {
                return byBackend.getOrDefault(alert.backendName(), HeldForPull.INSTANCE).alert(alert);
            }

            @Override
            public boolean pushesTo(String backendName) {
                return byBackend.containsKey(backendName) && byBackend.get(backendName).pushesTo(backendName);
            }
        };
    }

    /** The link of pull back-ends: nothing goes anywhere, the inbox shows it. */
    final class HeldForPull implements BackendLink {
        private static final HeldForPull INSTANCE = new HeldForPull();
        private static final Held HELD = new Held();

        private HeldForPull() {
        }

        @Override
        public Handover deliver(ConnectorMessage message) {
            return HELD;
        }

        @Override
        public Handover notify(ConnectorMessage subject, Evidence evidence) {
            return HELD;
        }

        @Override
        public boolean pushesTo(String backendName) {
            return false;
        }
    }
}
