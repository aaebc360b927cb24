package eu.lexbridge.routes;

import eu.lexbridge.core.flow.EvidenceTimeouts;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/** Now and then, the negative evidences owed for messages whose evidence never came. */
public final class EvidenceTimeoutRoute extends RouteBuilder {

    static final String ROUTE_ID = "evidence-timeouts";

    private final Duration interval;
    private final EvidenceTimeouts timeouts;

    public EvidenceTimeoutRoute(Duration interval, EvidenceTimeouts timeouts) {
        this.interval = interval;
        this.timeouts = timeouts;
    }

    @Override
    public void configure() {
        from("timer:lexbridge-evidence-timeouts?period=" + interval.toMillis()).routeId(ROUTE_ID)
                .process(e -> timeouts.enforce());
    }
}
