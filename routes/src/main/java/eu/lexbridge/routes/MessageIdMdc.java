package eu.lexbridge.routes;

import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;

/** Puts the id of the message a route works on into the logging MDC for the time of the exchange. */
final class MessageIdMdc extends RoutePolicySupport {

    static final MessageIdMdc INSTANCE = new MessageIdMdc();
    private static final String KEY = "connectorMessageId";

    private MessageIdMdc() {
    }

    @Override
    public void onExchangeBegin(Route route, Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body != null) {
            MDC.put(KEY, body.strip());
        }
    }

    @Override
    public void onExchangeDone(Route route, Exchange exchange) {
        MDC.remove(KEY);
    }
}
