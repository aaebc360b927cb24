package eu.lexbridge.routes;

import java.util.UUID;
import org.apache.camel.Exchange;

/** The JMS headers the routes read and write. The body of every queue message is a connector message id. */
final class Headers {

    /** How often the broker has delivered this message, counting the first time. */
    static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    private Headers() {
    }

    static UUID messageId(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        if (body == null) {
            throw new IllegalArgumentException("a queue message without a connector message id");
        }
        return UUID.fromString(body.strip());
    }

    static int deliveryCount(Exchange exchange) {
        Integer count = exchange.getMessage().getHeader(DELIVERY_COUNT, Integer.class);
        return count == null ? 1 : count;
    }
}
