package eu.lexbridge.backend.rest.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.backend.rest.RestBackendProperties;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PushDelivery;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The REST API's push delivery: one signed webhook per back-end that configured one. */
public final class Webhooks {

    /** The API's name in {@link PushDelivery}, to say which API configured a back-end twice. */
    public static final String API = "REST webhook";
    /** Bounded, so that a back-end that does not answer holds a delivery consumer for a short while only. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private Webhooks() {
    }

    /**
     * @param allowPlainHttp {@code lexbridge.network.allow-plain-http}: accept {@code http:} webhooks (tests only)
     * @param store read only when a back-end has a webhook
     * @throws IllegalArgumentException naming the key, for a webhook that is not https (unless allowed), or a secret
     *     that is not a Standard Webhooks secret
     */
    public static PushDelivery delivery(RestBackendProperties properties, boolean allowPlainHttp, ObjectMapper json,
                                        MessageViews views, Supplier<MessageStore> store, Clock clock) {
        Map<String, BackendLink> links = new LinkedHashMap<>();
        HttpClient client = null;
        for (var entry : properties.backends().entrySet()) {
            RestBackendProperties.Webhook webhook = entry.getValue().webhook();
            if (webhook == null) {
                continue;
            }
            String key = "lexbridge.rest.backends." + entry.getKey() + ".webhook.";
            URI url = checked(webhook.url(), allowPlainHttp, key + "url");
            WebhookSignature signature;
            try {
                signature = WebhookSignature.of(webhook.secret());
            } catch (IllegalArgumentException e) {
                // Not chained: the message says all, and the cause would only repeat it.
                throw new IllegalArgumentException(key + "secret " + e.getMessage());
            }
            if (client == null) {
                client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                        .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();
            }
            MessageStore messages = store.get();
            if (messages == null) {
                throw new IllegalStateException(key + "url is set, but the application has no message store to "
                        + "show the messages it pushes");
            }
            links.put(entry.getKey(), new WebhookLink(entry.getKey(), url, signature, client, CALL_TIMEOUT, json,
                    views, messages, clock));
        }
        return new PushDelivery(API, links);
    }

    private static URI checked(URI url, boolean allowPlainHttp, String key) {
        if (url.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must not carry credentials: the signature proves the caller");
        }
        String scheme = url.getScheme();
        boolean https = "https".equalsIgnoreCase(scheme);
        boolean http = "http".equalsIgnoreCase(scheme);
        if (!url.isAbsolute() || url.getHost() == null || !(https || http && allowPlainHttp)) {
            throw new IllegalArgumentException(key + " must be an https: URL (messages and evidences travel in it),"
                    + " was '" + url + "'" + (http ? "; lexbridge.network.allow-plain-http=true allows http: in "
                    + "tests only" : ""));
        }
        return url;
    }
}
