package eu.lexbridge.core.port;

import java.util.Map;
import java.util.Objects;

/**
 * The back-ends one back-end API pushes to (the SOAP delivery web service, a REST webhook, a JMS queue), each with the
 * link that reaches it. A back-end no API pushes to pulls: its messages are held for it.
 *
 * @param api the API's name, to say which one configured a back-end twice
 * @param links the link of each back-end it pushes to, by back-end name
 */
public record PushDelivery(String api, Map<String, BackendLink> links) {
    public PushDelivery {
        Objects.requireNonNull(api, "api");
        links = Map.copyOf(links);
    }
}
