package eu.lexbridge.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A national back-end as the demo plays it: it talks to its connector's REST API over HTTPS with its bearer token. */
public final class BackendClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DemoConnector connector;
    private final HttpClient http;

    public BackendClient(DemoConnector connector, Path caCertificate) {
        this.connector = connector;
        this.http = HttpClient.newBuilder()
                .sslContext(trusting(caCertificate))
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    public boolean isUp() {
        try {
            var response = http.send(HttpRequest.newBuilder(connector.managementUri().resolve("/actuator/health"))
                            .timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public JsonNode submit(String metadataJson, String contentName, byte[] content, String documentName, byte[] document) {
        return submission(metadataJson, contentName, content, documentName, document, 201);
    }

    /**
     * As {@link #submit}, for a back-end that sends again when an answer was lost: a 409 (that backendMessageId was
     * submitted before) answers its problem document, whose {@code connectorMessageId} names the message the earlier
     * attempt created.
     */
    public JsonNode submitOrFind(String metadataJson, String contentName, byte[] content, String documentName,
                                 byte[] document) {
        return submission(metadataJson, contentName, content, documentName, document, 201, 409);
    }

    private JsonNode submission(String metadataJson, String contentName, byte[] content, String documentName,
                                byte[] document, int... expectedStatus) {
        String boundary = "lexbridge-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        part(body, boundary, "metadata", null, "application/json", metadataJson.getBytes(StandardCharsets.UTF_8));
        part(body, boundary, "businessContent", contentName, "application/xml", content);
        part(body, boundary, "businessDocument", documentName, "application/pdf", document);
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return json(send(authorised("/api/v1/messages")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), expectedStatus));
    }

    public JsonNode inbox() {
        return json(send(authorised("/api/v1/messages/inbox").GET().build(), 200));
    }

    public JsonNode message(String id) {
        return json(send(authorised("/api/v1/messages/" + id).GET().build(), 200));
    }

    public byte[] download(String href) {
        return send(authorised(href).GET().build(), 200);
    }

    public JsonNode acknowledge(String id) {
        return json(send(authorised("/api/v1/messages/" + id + "/acknowledgement")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), 200));
    }

    /**
     * The back-end's change feed after {@code after}, held up to {@code wait} while empty: one request follows every
     * message, so none has to be polled on its own.
     */
    public JsonNode events(String after, Duration wait, int limit) {
        return json(send(authorised("/api/v1/events?after=" + after + "&wait=" + wait + "&limit=" + limit)
                .timeout(wait.plusSeconds(30)).GET().build(), 200));
    }

    /** @param limit at most this many of the waiting messages */
    public JsonNode inbox(int limit) {
        return json(send(authorised("/api/v1/messages/inbox?limit=" + limit).GET().build(), 200));
    }

    public JsonNode timeline(String id) {
        return json(send(authorised("/api/v1/messages/" + id + "/timeline").GET().build(), 200));
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + connector.backendToken());
    }

    private URI uri(String path) {
        return connector.baseUri().resolve(path);
    }

    private byte[] send(HttpRequest request, int... expectedStatus) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (java.util.Arrays.stream(expectedStatus).noneMatch(status -> status == response.statusCode())) {
                throw new IllegalStateException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode json(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("the connector answered something that is not JSON", e);
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName,
                             String contentType, byte[] content) {
        String header = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + contentType
                + "\r\n\r\n";
        body.writeBytes(header.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static SSLContext trusting(Path caCertificate) {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot trust the demo CA " + caCertificate, e);
        }
    }
}
