package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.port.GatewayOutcomes;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The connector's side of Domibus's reports, as a record of what was reported: "sent id" or "failed id", and the
 * detail of the last report on each message.
 */
final class RecordingOutcomes implements GatewayOutcomes {

    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final Map<String, String> details = new ConcurrentHashMap<>();

    @Override
    public Effect sent(String ebmsMessageId, String detail) {
        details.put(ebmsMessageId, detail);
        reports.add("sent " + ebmsMessageId);
        return Effect.RECORDED;
    }

    @Override
    public Effect failed(String ebmsMessageId, String detail) {
        details.put(ebmsMessageId, detail);
        reports.add("failed " + ebmsMessageId);
        return Effect.RECORDED;
    }

    /** The next report, waiting at most 10 s; {@code null} when none came. */
    String next() throws InterruptedException {
        return reports.poll(10, TimeUnit.SECONDS);
    }

    /** The detail of the last report on the message; {@code null} when none came. */
    String detail(String ebmsMessageId) {
        return details.get(ebmsMessageId);
    }

    boolean none() {
        return reports.isEmpty();
    }
}
