package eu.lexbridge.gateway.domibus;

import eu.lexbridge.gateway.domibus.wire.plugin.WebServicePlugin;
import eu.lexbridge.gateway.domibus.wire.plugin.WebServicePluginInterface;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.soap.MTOMFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.TrustManagerFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.endpoint.Endpoint;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

/** One CXF client of the WS plugin, configured once: SOAP 1.2 with MTOM, HTTP Basic, timeouts, TLS trust. */
final class PluginClient {

    /** Past this size a request goes chunked, so a large payload streams rather than being buffered to count it. */
    private static final int CHUNKING_THRESHOLD = 64 * 1024;
    private static final long MEMORY_THRESHOLD = 256 * 1024;

    private PluginClient() {
    }

    static WebServicePluginInterface create(DomibusSettings settings) {
        WebServicePluginInterface port = new WebServicePlugin().getWEBSERVICEPLUGINPORT(new MTOMFeature());
        ((BindingProvider) port).getRequestContext().put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY,
                settings.pluginAddress().toString());
        Client client = ClientProxy.getClient(port);
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(settings.connectTimeout().toMillis());
        policy.setReceiveTimeout(settings.receiveTimeout().toMillis());
        policy.setAllowChunking(true);
        policy.setChunkingThreshold(CHUNKING_THRESHOLD);
        // a redirect would resend the payloads to an address nobody configured
        policy.setAutoRedirect(false);
        conduit.setClient(policy);
        if (settings.username() != null) {
            AuthorizationPolicy basic = new AuthorizationPolicy();
            basic.setAuthorizationType("Basic");
            basic.setUserName(settings.username());
            basic.setPassword(settings.password());
            conduit.setAuthorization(basic);
        }
        if (settings.tlsTrust() != null) {
            conduit.setTlsClientParameters(tls(settings.tlsTrust()));
        }
        return port;
    }

    /**
     * Limits the payloads of Domibus's answers (retrieveMessage) while they are read, and spools them to disk past a
     * small threshold: never a whole payload in heap.
     */
    static void limitResponses(WebServicePluginInterface port, long maxPayloadBytes, Path spoolDirectory) {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("the largest payload must be positive");
        }
        Client client = ClientProxy.getClient(port);
        Endpoint endpoint = client.getEndpoint();
        client.getInInterceptors().add(new SpooledAttachments());
        endpoint.put("attachment-max-size", maxPayloadBytes);
        endpoint.put("attachment-memory-threshold", MEMORY_THRESHOLD);
        if (spoolDirectory != null) {
            try {
                Files.createDirectories(spoolDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("the Domibus spool directory cannot be created: " + spoolDirectory, e);
            }
            endpoint.put("attachment-directory", spoolDirectory.toAbsolutePath().toString());
        }
    }

    private static TLSClientParameters tls(KeyStore trust) {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            TLSClientParameters parameters = new TLSClientParameters();
            parameters.setTrustManagers(factory.getTrustManagers());
            parameters.setDisableCNCheck(false);
            return parameters;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the Domibus TLS trust store cannot be used: " + e.getMessage(), e);
        }
    }
}
