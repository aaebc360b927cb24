package eu.lexbridge.tools.demo;

import eu.lexbridge.gateway.domibus.DomibusPair;
import eu.lexbridge.tools.BackendApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * The two connectors of a {@link DemoNetwork} on Domibus ({@code lexbridge.gateway.kind: domibus}): a stand-in node each
 * ({@link DomibusPair}, the domibus adapter's test fixture), which pushes to its connector's push endpoint over HTTPS
 * as {@link #PUSH_USER} with a password of that connector's own.
 */
public final class DomibusNetwork implements AutoCloseable {

    /** {@code wsplugin.push.auth.username}: the user Domibus pushes to the connector as. */
    static final String PUSH_USER = "domibus-push";

    private final DomibusPair pair;
    private final Map<String, String> pushPasswords;
    private final SSLContext tls;

    private DomibusNetwork(DomibusPair pair, Map<String, String> pushPasswords, SSLContext tls) {
        this.pair = pair;
        this.pushPasswords = pushPasswords;
        this.tls = tls;
    }

    /** Starts a node for each of the network's two connectors, each pushing to its connector, as patient as Domibus. */
    public static DomibusNetwork start(DemoNetwork network, Path directory) {
        return start(network, directory, DomibusPair.PUSH_PATIENCE);
    }

    /**
     * Starts a node for each of the network's two connectors, each pushing to its connector.
     *
     * @param patience how long a node tries a push, or waits for the partner's node, before it gives up
     */
    static DomibusNetwork start(DemoNetwork network, Path directory, Duration patience) {
        DemoConnector at = network.issuing();
        DemoConnector de = network.enforcing();
        SSLContext tls;
        try {
            tls = BackendApi.trusting(network.caCertificate());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo CA certificate", e);
        }
        DomibusPair pair = DomibusPair.start(directory, patience, at.party(), de.party());
        DomibusNetwork domibus = new DomibusNetwork(pair, Map.of(at.party(), secret(), de.party(), secret()), tls);
        for (DemoConnector connector : List.of(at, de)) {
            domibus.pushTo(connector, domibus.pushPassword(connector));
        }
        return domibus;
    }

    /** The node of {@code connector}. */
    public DomibusPair.Node node(DemoConnector connector) {
        return pair.node(connector.party());
    }

    /** From now on, {@code connector}'s node pushes with {@code password}, right or wrong. */
    void pushTo(DemoConnector connector, String password) {
        node(connector).pushTo(connector.baseUri().resolve("/services/domibus-push"), PUSH_USER, password, tls);
    }

    /** The password {@code connector} takes its node's pushes with. */
    String pushPassword(DemoConnector connector) {
        return pushPasswords.get(connector.party());
    }

    /**
     * The settings that put {@code connector} on its node, beside its demo configuration file, with a quick retry of
     * submissions its node refuses.
     *
     * @param pullInterval how often it also fetches what its node holds for it, e.g. {@code 1h}: not within the test
     */
    public List<String> settings(DemoConnector connector, String pullInterval) {
        return List.of("--lexbridge.routes.first-retry-delay=1s", "--lexbridge.routes.max-retry-delay=3s",
                "--lexbridge.gateway.kind=domibus",
                "--lexbridge.gateway.domibus.url=" + node(connector).pluginUrl(),
                "--lexbridge.gateway.domibus.username=" + DomibusPair.PLUGIN_USER,
                "--lexbridge.gateway.domibus.password=" + DomibusPair.PLUGIN_PASSWORD,
                "--lexbridge.gateway.domibus.push-username=" + PUSH_USER,
                "--lexbridge.gateway.domibus.push-password=" + pushPassword(connector),
                "--lexbridge.gateway.domibus.pull-interval=" + pullInterval);
    }

    @Override
    public void close() throws Exception {
        pair.close();
    }

    private static String secret() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
