package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.port.GatewayOutcomes;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The connector's side of Domibus's reports, as a record of what was reported: "sent id" or "failed id". */
final class RecordingOutcomes implements GatewayOutcomes {

    private final BlockingQueue<String> reports = new LinkedBlockingQueue<>();

    @Override
    public Effect sent(String ebmsMessageId, String detail) {
        reports.add("sent " + ebmsMessageId);
        return Effect.RECORDED;
    }

    @Override
    public Effect failed(String ebmsMessageId, String detail) {
        reports.add("failed " + ebmsMessageId);
        return Effect.RECORDED;
    }

    /** The next report, waiting at most 10 s; {@code null} when none came. */
    String next() throws InterruptedException {
        return reports.poll(10, TimeUnit.SECONDS);
    }

    boolean none() {
        return reports.isEmpty();
    }
}
