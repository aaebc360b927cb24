package eu.lexbridge.app.messaging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import eu.lexbridge.app.RepeatingTask;
import eu.lexbridge.core.log.LogSafe;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * Says once that the connector lost its broker, and once that it has it back. Without it, each route's listener
 * container logged one ERROR every 5 s while the broker could not be reached (nine queues: about a hundred lines a
 * minute, and as many again at a start before the broker); those lines are dropped ({@link #quietListeners()}), the
 * containers still try again every 5 s, and readiness is DOWN meanwhile ({@code jms}).
 */
public final class BrokerWatch {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerWatch.class);
    private static final String REFRESH_FAILED = "Could not refresh JMS Connection";

    private final ConnectionFactory factory;
    private final RepeatingTask task;
    private final TurboFilter quiet = quietListeners();
    /** null until the first look: a broker there from the start needs no line. */
    private Boolean reachable;

    /** @param factory connections of its own, not the routes' shared one */
    public BrokerWatch(ConnectionFactory factory, Duration interval) {
        this.factory = factory;
        this.task = new RepeatingTask("broker-watch", interval, this::look);
    }

    public void start() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.addTurboFilter(quiet);
        }
        task.start();
    }

    public void stop() {
        task.stop();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.getTurboFilterList().remove(quiet);
        }
    }

    void look() {
        try (Connection connection = factory.createConnection()) {
            if (Boolean.FALSE.equals(reachable)) {
                LOG.info("the message broker can be reached again: the routes connect to it by themselves");
            }
            reachable = true;
        } catch (JMSException | RuntimeException e) {
            if (!Boolean.FALSE.equals(reachable)) {
                LOG.warn("the message broker cannot be reached ({}): the routes wait for it and connect again by "
                        + "themselves; readiness is DOWN meanwhile", LogSafe.of(String.valueOf(e.getMessage()), 300));
            }
            reachable = false;
        }
    }

    /** Drops the listener containers' "Could not refresh JMS Connection" lines, which {@link BrokerWatch} stands for. */
    static TurboFilter quietListeners() {
        return new TurboFilter() {
            @Override
            public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
                                      Object[] params, Throwable t) {
                return format != null && format.startsWith(REFRESH_FAILED)
                        && logger.getName().endsWith("MessageListenerContainer") ? FilterReply.DENY
                        : FilterReply.NEUTRAL;
            }
        };
    }
}
