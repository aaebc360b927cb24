package eu.lexbridge.app.document;

import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;

/**
 * Reads the trusted lists again at every interval; the first load happened at start-up. A route rather than a
 * scheduler thread, so operations see it, its last run and its failures in Hawtio beside the message routes.
 */
public final class TrustedListRefreshRoute extends RouteBuilder {

    public static final String ROUTE_ID = "trusted-lists-refresh";

    private final Duration interval;
    private final TrustedListRefresh refresh;

    public TrustedListRefreshRoute(Duration interval, TrustedListRefresh refresh) {
        this.interval = interval;
        this.refresh = refresh;
    }

    @Override
    public void configure() {
        from("timer:lexbridge-trusted-lists?delay=" + interval.toMillis() + "&period=" + interval.toMillis())
                .routeId(ROUTE_ID)
                .process(e -> refresh.refresh());
    }
}
