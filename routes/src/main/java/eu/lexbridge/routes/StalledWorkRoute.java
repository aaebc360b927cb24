package eu.lexbridge.routes;

import eu.lexbridge.core.flow.StalledWork;
import org.apache.camel.builder.RouteBuilder;

/** Now and then, queues again what a crash left stored but unqueued. */
public final class StalledWorkRoute extends RouteBuilder {

    static final String ROUTE_ID = "stalled-work-sweep";

    private final RouteSettings settings;
    private final StalledWork stalledWork;

    public StalledWorkRoute(RouteSettings settings, StalledWork stalledWork) {
        this.settings = settings;
        this.stalledWork = stalledWork;
    }

    @Override
    public void configure() {
        from("timer:lexbridge-stalled-work?period=" + settings.sweepInterval().toMillis()).routeId(ROUTE_ID)
                .process(e -> stalledWork.requeue());
    }
}
