package eu.lexbridge.routes;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reads the trusted lists again at every interval; the first load happened at start-up. A route rather than a
 * scheduler thread, so operations see it, its last run and its failures in Hawtio beside the message routes. The
 * refresh itself (trust-store's {@code TrustedListRefresh}) comes as a task, so routes stay on the core alone.
 */
public final class TrustedListRefreshRoute extends RouteBuilder {

    public static final String ROUTE_ID = "trusted-lists-refresh";

    private final Duration interval;
    private final Runnable refresh;

    public TrustedListRefreshRoute(Duration interval, Runnable refresh) {
        this.interval = interval;
        this.refresh = refresh;
    }

    @Override
    public void configure() {
        from("timer:lexbridge-trusted-lists?delay=" + interval.toMillis() + "&period=" + interval.toMillis())
                .routeId(ROUTE_ID)
                .process(e -> refresh.run());
    }
}
