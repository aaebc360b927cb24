package eu.lexbridge.routes;

import eu.lexbridge.core.flow.Topology;
import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.port.MessageStore;
import org.apache.camel.builder.RouteBuilder;

/**
 * Received AS4 messages (already stored and de-duplicated on reception), sorted by kind: business messages or
 * evidences, each on to the hop the topology names for it.
 */
public final class InboundReceiveRoute extends RouteBuilder {

    static final String ROUTE_ID = "inbound-receive";
    private static final String KIND = "lexbridgeKind";

    private final RouteSettings settings;
    private final MessageStore store;

    public InboundReceiveRoute(RouteSettings settings, MessageStore store) {
        this.settings = settings;
        this.store = store;
    }

    @Override
    public void configure() {
        var choice = from(settings.from(Topology.RECEIVED.next())).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> e.setProperty(KIND, store.find(Headers.messageId(e))
                        .map(m -> m.kind().name()).orElse(null)))
                .choice();
        for (MessageKind kind : MessageKind.values()) {
            choice.when(exchangeProperty(KIND).isEqualTo(kind.name())).to(settings.to(Topology.sorted(kind).next()));
        }
        choice.otherwise()
                .log("message ${body} is not in the store; nothing to do")
                .end();
    }
}
