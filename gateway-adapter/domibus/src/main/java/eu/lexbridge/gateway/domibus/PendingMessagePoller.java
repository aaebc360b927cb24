package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.ReceptionOutcome;
import eu.lexbridge.gateway.domibus.wire.ebms.Messaging;
import eu.lexbridge.gateway.domibus.wire.plugin.ListPendingMessagesRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.ListPendingMessagesResponse;
import eu.lexbridge.gateway.domibus.wire.plugin.MarkMessageAsDownloadedRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.PluginFault;
import eu.lexbridge.gateway.domibus.wire.plugin.RetrieveMessageRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.RetrieveMessageResponse;
import eu.lexbridge.gateway.domibus.wire.plugin.WebServicePluginInterface;
import jakarta.xml.ws.Holder;
import jakarta.xml.ws.WebServiceException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pull fallback beside push: lists the messages Domibus holds for the plugin ({@code listPendingMessages}), fetches
 * each ({@code retrieveMessage} without marking it downloaded), hands it to the connector and only then marks it
 * downloaded, so a crash in between leaves it pending and the next poll takes it again (the connector finds the
 * duplicate by its ebMS id). A message the connector refuses stays pending in Domibus for an operator and is not
 * fetched again by this poller. Call {@link #pollOnce()} from a scheduler; one poll at a time.
 */
public final class PendingMessagePoller {

    private static final Logger LOG = LoggerFactory.getLogger(PendingMessagePoller.class);
    /** Refused ids remembered so they are not fetched on every poll; bounded, oldest forgotten first. */
    private static final int REMEMBERED_REFUSALS = 10_000;

    private final WebServicePluginInterface plugin;
    private final TransmissionReceiver receiver;
    private final int maxPerPoll;
    private final Set<String> refused = Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_REFUSALS;
        }
    });

    /**
     * @param maxPerPoll the most messages fetched in one poll; the rest wait for the next
     * @param maxPayloadBytes the largest payload taken; a larger one fails its fetch while it is read
     * @param spoolDirectory where payloads are spooled while a fetched message is read; {@code null}: the JVM's
     *     temporary directory
     */
    public PendingMessagePoller(DomibusSettings settings, TransmissionReceiver receiver, int maxPerPoll,
                                long maxPayloadBytes, Path spoolDirectory) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
        if (maxPerPoll < 1) {
            throw new IllegalArgumentException("a poll must fetch at least one message");
        }
        this.maxPerPoll = maxPerPoll;
        this.plugin = PluginClient.create(settings);
        PluginClient.limitResponses(plugin, maxPayloadBytes, spoolDirectory);
    }

    /** What one poll did. */
    public record Poll(int pending, int taken, int duplicates, int refused, int failed) {
    }

    /** Fetches what Domibus holds; never throws for Domibus's trouble (it shows in {@link Poll#failed()}). */
    public Poll pollOnce() {
        List<String> ids;
        try {
            ListPendingMessagesResponse listed = plugin.listPendingMessages(new ListPendingMessagesRequest());
            ids = listed == null ? List.of() : listed.getMessageID();
        } catch (PluginFault | WebServiceException e) {
            LOG.warn("Domibus pending messages not listed: {}", TransportTrouble.describe(e));
            return new Poll(0, 0, 0, 0, 1);
        }
        int taken = 0;
        int duplicates = 0;
        int refusedNow = 0;
        int failed = 0;
        int fetched = 0;
        for (String id : ids) {
            if (refused.contains(id)) {
                continue;
            }
            if (fetched++ == maxPerPoll) {
                break;
            }
            switch (take(id)) {
                case ACCEPTED -> taken++;
                case DUPLICATE -> duplicates++;
                case REFUSED -> refusedNow++;
                default -> failed++;
            }
        }
        if (taken + duplicates + refusedNow + failed > 0) {
            LOG.info("Domibus poll: {} pending, {} taken, {} duplicates, {} refused, {} failed", ids.size(), taken,
                    duplicates, refusedNow, failed);
        }
        return new Poll(ids.size(), taken, duplicates, refusedNow, failed);
    }

    private enum Taken { ACCEPTED, DUPLICATE, REFUSED, FAILED }

    private Taken take(String id) {
        RetrieveMessageRequest request = new RetrieveMessageRequest();
        request.setMessageID(id);
        request.setMarkAsDownloaded(false);
        Holder<RetrieveMessageResponse> response = new Holder<>();
        Holder<Messaging> header = new Holder<>();
        Envelope envelope;
        List<IncomingPart> parts;
        try {
            plugin.retrieveMessage(request, response, header);
            if (response.value == null) {
                throw new IllegalArgumentException("Domibus answered without the message");
            }
            HeaderContract.check(header.value); // as a pushed message's: the client validates no schema either
            envelope = EcodexHeader.incoming(header.value, id);
            parts = ReceivedParts.read(header.value.getUserMessage(), response.value.getBodyload(),
                    response.value.getPayload());
        } catch (PluginFault | WebServiceException e) {
            LOG.warn("Domibus message {} not fetched: {}", LogSafe.of(id), TransportTrouble.describe(e));
            return Taken.FAILED;
        } catch (IllegalArgumentException e) {
            return refuse(id, e.getMessage());
        }
        ReceptionOutcome outcome;
        try {
            outcome = receiver.receive(envelope, parts, DomibusGateway.SIGNER);
        } catch (ConnectorException e) {
            if (PushFaults.isCallersFault(e)) {
                return refuse(id, e.code().code() + " " + e.getMessage());
            }
            LOG.warn("Domibus message {} not taken now: {}", LogSafe.of(id), e.code().code());
            return Taken.FAILED;
        } catch (RuntimeException e) {
            LOG.error("Domibus message {} not taken now", LogSafe.of(id), e);
            return Taken.FAILED;
        }
        try {
            MarkMessageAsDownloadedRequest mark = new MarkMessageAsDownloadedRequest();
            mark.setMessageID(id);
            plugin.markMessageAsDownloaded(mark);
        } catch (PluginFault | WebServiceException e) {
            // stored already: the next poll fetches it again and the connector finds the duplicate
            LOG.warn("Domibus message {} taken but not marked downloaded: {}", LogSafe.of(id),
                    TransportTrouble.describe(e));
        }
        return outcome == ReceptionOutcome.DUPLICATE ? Taken.DUPLICATE : Taken.ACCEPTED;
    }

    private Taken refuse(String id, String why) {
        refused.add(id);
        LOG.warn("Domibus message {} refused; it stays pending in Domibus: {}", LogSafe.of(id), LogSafe.of(why, 1024));
        return Taken.REFUSED;
    }
}
