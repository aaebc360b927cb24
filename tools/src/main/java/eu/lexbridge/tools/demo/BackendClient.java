package eu.lexbridge.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.lexbridge.tools.BackendApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/** A national back-end as the demo plays it: it talks to its connector's REST API over HTTPS with its bearer token. */
public final class BackendClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] CRLF = {'\r', '\n'};

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
        return submission(metadataJson, List.of(Part.of("businessContent", contentName, "application/xml", content),
                Part.of("businessDocument", documentName, "application/pdf", document)), Duration.ofSeconds(30),
                expectedStatus);
    }

    /**
     * A submission whose parts are streamed from their suppliers with a known length: a back-end sending a payload
     * of gigabytes holds none of it in memory.
     *
     * @param parts the content, document and attachment parts, in order
     * @param timeout for the whole request, upload included
     */
    public JsonNode submit(String metadataJson, List<Part> parts, Duration timeout) {
        return submission(metadataJson, parts, timeout, 201);
    }

    private JsonNode submission(String metadataJson, List<Part> parts, Duration timeout, int... expectedStatus) {
        String boundary = "lexbridge-" + UUID.randomUUID();
        List<Part> all = new ArrayList<>();
        all.add(Part.of("metadata", null, "application/json", metadataJson.getBytes(StandardCharsets.UTF_8)));
        all.addAll(parts);
        byte[] end = ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        long length = end.length;
        for (Part part : all) {
            length += part.header(boundary).length + part.length() + 2;
        }
        Supplier<InputStream> body = () -> {
            List<InputStream> streams = new ArrayList<>();
            for (Part part : all) {
                streams.add(new ByteArrayInputStream(part.header(boundary)));
                streams.add(part.content().get());
                streams.add(new ByteArrayInputStream(CRLF));
            }
            streams.add(new ByteArrayInputStream(end));
            return new SequenceInputStream(java.util.Collections.enumeration(streams));
        };
        return json(send(authorised("/api/v1/messages", timeout)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(body), length))
                .build(), expectedStatus));
    }

    /**
     * One part of a multipart submission.
     *
     * @param fileName null for a form field
     * @param length the exact number of bytes {@code content} gives
     * @param content a new stream of the bytes at each call (a request sent again reads them again)
     */
    public record Part(String name, String fileName, String contentType, long length, Supplier<InputStream> content) {

        public static Part of(String name, String fileName, String contentType, byte[] bytes) {
            return new Part(name, fileName, contentType, bytes.length, () -> new ByteArrayInputStream(bytes));
        }

        byte[] header(String boundary) {
            return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                    + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\nContent-Type: " + contentType
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        }
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

    /**
     * Streams a payload into {@code sink} without holding it: for payloads of gigabytes.
     *
     * @return the number of bytes written
     */
    public long download(String href, OutputStream sink, Duration timeout) {
        HttpRequest request = authorised(href, timeout).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("GET " + request.uri().getPath() + " answered "
                            + response.statusCode() + ": " + new String(in.readNBytes(4096), StandardCharsets.UTF_8));
                }
                return in.transferTo(sink);
            }
        } catch (IOException e) {
            throw new IllegalStateException("GET " + request.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
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

    /** A directory lookup, e.g. {@code instrument=EIO&role=executing&country=DE}; the values URL-encoded. */
    public JsonNode authorities(String query) {
        return json(send(authorised("/api/v1/directory/authorities?" + query).GET().build(), 200));
    }

    /** Records a transmission made outside the system; the answer is the sealed record. */
    public JsonNode recordTransmission(String recordJson) {
        return json(send(authorised("/api/v1/records").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(recordJson)).build(), 201));
    }

    public JsonNode conversationTimeline(String conversationId) {
        return json(send(authorised("/api/v1/conversations/" + conversationId + "/timeline").GET().build(), 200));
    }

    public JsonNode timeline(String id) {
        return json(send(authorised("/api/v1/messages/" + id + "/timeline").GET().build(), 200));
    }

    private HttpRequest.Builder authorised(String path) {
        return authorised(path, Duration.ofSeconds(30));
    }

    private HttpRequest.Builder authorised(String path, Duration timeout) {
        return HttpRequest.newBuilder(uri(path)).timeout(timeout)
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

    private static SSLContext trusting(Path caCertificate) {
        try {
            return BackendApi.trusting(caCertificate);
        } catch (IOException e) {
            throw new IllegalStateException("cannot trust the demo CA " + caCertificate, e);
        }
    }

}
