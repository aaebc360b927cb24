package eu.lexbridge.gateway.domibus;

import eu.lexbridge.gateway.domibus.wire.plugin.PluginFault;
import eu.lexbridge.gateway.domibus.wire.plugin.StatusRequest;
import eu.lexbridge.gateway.domibus.wire.plugin.WebServicePluginInterface;
import jakarta.xml.ws.WebServiceException;
import java.util.Optional;

/**
 * Whether Domibus answers the plugin user, for the health check: asks the status of a message that does not exist.
 * Any answer of the plugin, a refusal included, means Domibus runs and took the user. A client of its own, apart
 * from the gateway's, which the application may wrap (metrics, tracing). Thread-safe.
 */
public final class DomibusProbe {

    /** The message asked about: no ebMS id the connector makes looks like it. */
    static final String PROBE_ID = "lexbridge-health-check";

    private final WebServicePluginInterface plugin;
    private final String address;

    public DomibusProbe(DomibusSettings settings) {
        this.plugin = PluginClient.create(settings);
        this.address = settings.pluginAddress().toString();
    }

    /** @return empty when Domibus answers; otherwise what kind of trouble, in words */
    public Optional<Unanswered> check() {
        StatusRequest request = new StatusRequest();
        request.setMessageID(PROBE_ID);
        try {
            plugin.getStatus(request);
            return Optional.empty();
        } catch (PluginFault e) {
            return Optional.empty();
        } catch (WebServiceException e) {
            return Optional.of(new Unanswered(TransportTrouble.kindOf(e), address, TransportTrouble.describe(e)));
        }
    }

    /**
     * Domibus did not answer.
     *
     * @param trouble what kind, for the advice the application gives
     * @param address the plugin's address asked
     * @param detail the trouble in words
     */
    public record Unanswered(TransportTrouble.Kind trouble, String address, String detail) {
    }
}
