package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.port.GatewayOutcomes;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The connector's side of Domibus's reports, as a record of what was reported: "sent id" or "failed id", and the
 * detail of the report that ended each message. As the connector's {@code Dispatch}, the first report on a message
 * ends it: a later one is IGNORED, and a later failure's detail is not asked for.
 */
final class RecordingOutcomes implements GatewayOutcomes {

    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();
    private final Map<String, String> details = new ConcurrentHashMap<>();

    @Override
    public Effect sent(String ebmsMessageId, String detail) {
        Effect effect = details.putIfAbsent(ebmsMessageId, detail) == null ? Effect.RECORDED : Effect.IGNORED;
        reports.add("sent " + ebmsMessageId); // after the detail: a test that saw the report reads the detail next
        return effect;
    }

    @Override
    public Effect failed(String ebmsMessageId, Supplier<String> detail) {
        boolean ends = !details.containsKey(ebmsMessageId);
        if (ends) {
            details.put(ebmsMessageId, detail.get());
        }
        reports.add("failed " + ebmsMessageId);
        return ends ? Effect.RECORDED : Effect.IGNORED;
    }

    /** The next report, waiting at most 10 s; {@code null} when none came. */
    String next() throws InterruptedException {
        return reports.poll(10, TimeUnit.SECONDS);
    }

    /** The detail of the report that ended the message; {@code null} when none came. */
    String detail(String ebmsMessageId) {
        return details.get(ebmsMessageId);
    }

    boolean none() {
        return reports.isEmpty();
    }
}
