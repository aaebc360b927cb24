package eu.lexbridge.gateway.as4;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A man in the middle on loopback between a real sender and the endpoint: it keeps the last request it forwarded (to
 * replay it) and the endpoint's raw answer, and, when asked, changes one byte of the last MIME part (the encrypted
 * attachment) on the way.
 */
final class InterceptingProxy implements AutoCloseable {

    /** A request as it went over the wire. */
    record Captured(String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile boolean tamper;
    private volatile Captured last;
    private volatile String lastAnswer;

    InterceptingProxy(URI target) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            if (tamper) {
                String text = new String(body, StandardCharsets.ISO_8859_1);
                int lastPart = text.lastIndexOf("\r\n\r\n", text.lastIndexOf("\r\n--"));
                int at = (lastPart + text.lastIndexOf("\r\n--")) / 2;
                body[at] ^= 0x01;
            } else {
                last = new Captured(contentType, body);
            }
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(target)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                lastAnswer = new String(response.body(), StandardCharsets.UTF_8);
                response.headers().firstValue("Content-Type")
                        .ifPresent(type -> exchange.getResponseHeaders().add("Content-Type", type));
                exchange.sendResponseHeaders(response.statusCode(),
                        response.body().length == 0 ? -1 : response.body().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        server.start();
    }

    URI endpoint() {
        return URI.create("http://localhost:" + server.getAddress().getPort() + "/as4");
    }

    void tamper(boolean on) {
        tamper = on;
    }

    /** The endpoint's answer to the last request, as the sender read it. */
    String lastAnswer() {
        return lastAnswer;
    }

    Captured last() {
        return last;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
