package eu.lexbridge.backend.rest.tomcat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts {@link ProblemErrorReportValve} in the place of the host's error report valve. Ordered last, so that Spring
 * Boot's own customiser has added its valve by then and ours replaces it rather than sitting beside it.
 */
public final class ProblemErrorReportCustomizer
        implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper mapper;

    public ProblemErrorReportCustomizer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                ProblemErrorReportValve valve = new ProblemErrorReportValve(mapper);
                // The host adds a valve of this class at start unless it finds one in its pipeline.
                host.setErrorReportValveClass(valve.getClass().getName());
                host.getPipeline().addValve(valve);
            }
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
