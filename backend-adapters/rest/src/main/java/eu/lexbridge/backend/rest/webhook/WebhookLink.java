package eu.lexbridge.backend.rest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.backend.rest.view.MessageViews;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.BackendLink;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.record.DeadlineAlert;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Pushes one back-end's received messages, evidences and time-limit alerts to its webhook, signed ({@link WebhookSignature}). Its
 * answer decides: 2xx took it; a 4xx other than 408 and 429 refused it (the sender gets NON_DELIVERY); anything else,
 * no answer in time or no connection means try again later: the broker redelivers with back-off, nothing is lost.
 * A call is repeated with the same {@code webhook-id}, so the back-end can recognise one it has taken already.
 */
public final class WebhookLink implements BackendLink {

    private final String backend;
    private final URI url;
    private final WebhookSignature signature;
    private final HttpClient client;
    private final Duration timeout;
    private final ObjectMapper json;
    private final MessageViews views;
    private final MessageStore store;
    private final Clock clock;

    /**
     * @param timeout how long one call may take once connected (the client bounds the connection itself)
     * @param store where a message's evidences are read, to show the message as the API does
     */
    public WebhookLink(String backend, URI url, WebhookSignature signature, HttpClient client, Duration timeout,
                       ObjectMapper json, MessageViews views, MessageStore store, Clock clock) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.url = Objects.requireNonNull(url, "url");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.json = Objects.requireNonNull(json, "json");
        this.views = Objects.requireNonNull(views, "views");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Handover deliver(ConnectorMessage message) {
        return post("message-" + message.connectorMessageId(), new WebhookEvent(WebhookEvent.MESSAGE_RECEIVED,
                clock.instant(), views.message(message, store.evidences(message.connectorMessageId()))));
    }

    @Override
    public Handover notify(ConnectorMessage subject, Evidence evidence) {
        return post("evidence-" + evidence.evidenceId(), new WebhookEvent(WebhookEvent.EVIDENCE_RECORDED,
                clock.instant(), new WebhookEvent.EvidenceRecorded(views.summary(subject), views.evidence(evidence))));
    }

    @Override
    public Handover alert(DeadlineAlert alert) {
        return post("alert-" + alert.sequence(), new WebhookEvent(alert.kind() == DeadlineAlert.Kind.MISSED
                ? WebhookEvent.DEADLINE_MISSED : WebhookEvent.DEADLINE_DUE_SOON, clock.instant(), views.alert(alert)));
    }

    private Handover post(String webhookId, WebhookEvent event) {
        byte[] body = body(event);
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature.sign(webhookId, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String whose = "the webhook of back-end " + backend;
        try {
            int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return new Pushed(whose + " took it (HTTP " + status + ")");
            }
            if (status >= 400 && status < 500 && status != 408 && status != 429) {
                return new Refused(whose + " refused it (HTTP " + status + ")");
            }
            return new Unreachable(whose + " answered HTTP " + status);
        } catch (HttpConnectTimeoutException e) {
            return new Unreachable(whose + " could not be connected to in time");
        } catch (HttpTimeoutException e) {
            return new Unreachable(whose + " did not answer in time");
        } catch (ConnectException e) {
            return new Unreachable(whose + " could not be connected to");
        } catch (IOException e) {
            return new Unreachable(whose + " could not be called (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Unreachable(whose + " was not called: the connector is stopping");
        }
    }

    private byte[] body(WebhookEvent event) {
        try {
            return json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook event cannot be written as JSON", e);
        }
    }
}
