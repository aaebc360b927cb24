package eu.lexbridge.gateway.domibus;

import eu.lexbridge.core.port.SecurityEvents;
import jakarta.xml.ws.soap.SOAPBinding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.cxf.Bus;
import org.apache.cxf.jaxws.EndpointImpl;

/**
 * Publishes {@link PushedNotifications} as the {@code BackendService} endpoint Domibus's WS plugin pushes to: SOAP 1.2
 * with MTOM, the ebMS header of a pushed message checked against the contract ({@link HeaderContract}; not the whole
 * request, whose MTOM payloads a schema validator would hold in memory), HTTP Basic required before anything is read,
 * each payload limited while it is read and spooled to disk past a small threshold, the parser's own limits on depth,
 * element count and text length. CXF's parser refuses a DOCTYPE, so no entity is ever expanded.
 */
public final class PushEndpoint {

    /** Room for the envelope and the ebMS header beside the payloads. */
    private static final int MAX_TEXT = 64 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_CHILDREN = 10_000;
    private static final long MEMORY_THRESHOLD = 256 * 1024;

    private PushEndpoint() {
    }

    /**
     * @param address relative to the CXF servlet of {@code bus} (e.g. {@code /domibus-push}), or an absolute URL
     * @param maxPayloadBytes the largest payload taken; a larger one is refused while it is read, with LB-1007
     * @param spoolDirectory where payloads past the memory threshold are spooled while the request is read;
     *     {@code null}: the JVM's temporary directory
     */
    public static EndpointImpl publish(Bus bus, String address, PushedNotifications notifications,
                                       PushCredentials credentials, SecurityEvents security, long maxPayloadBytes,
                                       Path spoolDirectory) {
        Objects.requireNonNull(credentials, "credentials");
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("the largest payload must be positive");
        }
        EndpointImpl endpoint = new EndpointImpl(bus, notifications, SOAPBinding.SOAP12HTTP_BINDING);
        endpoint.setWsdlLocation("classpath:wsdl/domibus/BackendService.wsdl");
        Map<String, Object> settings = new HashMap<>();
        settings.put("mtom-enabled", Boolean.TRUE);
        // Not CXF's schema validation: it would give the validator each MTOM payload as base64 text, all in memory.
        // The ebMS header is checked against the contract by PushedNotifications (HeaderContract), the parts as read.
        settings.put("schema-validation-enabled", "NONE");
        settings.put("attachment-memory-threshold", MEMORY_THRESHOLD);
        settings.put("attachment-max-size", maxPayloadBytes);
        // Without MTOM a payload travels inline as base64 text: the same limit, in base64 characters.
        settings.put("org.apache.cxf.stax.maxTextLength", (int) Math.min(Integer.MAX_VALUE,
                Math.max(MAX_TEXT, maxPayloadBytes / 3 * 4 + 4)));
        settings.put("org.apache.cxf.stax.maxElementDepth", MAX_DEPTH);
        settings.put("org.apache.cxf.stax.maxChildElements", MAX_CHILDREN);
        settings.put("org.apache.cxf.stax.maxAttributeSize", MAX_TEXT);
        if (spoolDirectory != null) {
            try {
                Files.createDirectories(spoolDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException("the Domibus push spool directory cannot be created: "
                        + spoolDirectory, e);
            }
            settings.put("attachment-directory", spoolDirectory.toAbsolutePath().toString());
        }
        endpoint.setProperties(settings);
        endpoint.getInInterceptors().add(new PushAuthentication(credentials, security));
        endpoint.getInInterceptors().add(new SpooledAttachments());
        endpoint.getOutFaultInterceptors().add(new UnreadablePushFaults(maxPayloadBytes));
        endpoint.publish(address);
        return endpoint;
    }
}
