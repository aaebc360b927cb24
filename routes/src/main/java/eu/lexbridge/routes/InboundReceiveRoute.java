package eu.lexbridge.routes;

import eu.lexbridge.core.message.MessageKind;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageStore;
import org.apache.camel.builder.RouteBuilder;

/** Received AS4 messages (already stored and de-duplicated on reception): business messages or evidences. */
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
        from(settings.from(Hop.INBOUND_RECEIVED)).routeId(ROUTE_ID).routePolicy(MessageIdMdc.INSTANCE)
                .process(e -> e.setProperty(KIND, store.find(Headers.messageId(e))
                        .map(m -> m.kind().name()).orElse(null)))
                .choice()
                    .when(exchangeProperty(KIND).isEqualTo(MessageKind.BUSINESS.name()))
                                .to(settings.to(Hop.INBOUND_BUSINESS))
                    .when(exchangeProperty(KIND).isEqualTo(MessageKind.EVIDENCE.name()))
                                .to(settings.to(Hop.EVIDENCE_INBOUND))
                    .otherwise()
                        .log("message ${body} is not in the store; nothing to do")
                .end();
    }
}
