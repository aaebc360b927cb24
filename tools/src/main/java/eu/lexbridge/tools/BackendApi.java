package eu.lexbridge.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import picocli.CommandLine.Option;

/**
 * Where a running connector's back-end API is and which back-end calls it: the commands a back-end's clerk runs
 * ({@code record-transmission}, {@code timeline}) speak to the same REST API a case-management system does, with its
 * bearer token, read from a file (never an argument: shell histories keep those).
 */
public final class BackendApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--api", defaultValue = "https://127.0.0.1:8443", paramLabel = "URL",
            description = "The connector's back-end API (default: ${DEFAULT-VALUE})")
    URI api;

    @Option(names = "--token-file", required = true, paramLabel = "FILE",
            description = "A file whose first line is the back-end's bearer token")
    Path tokenFile;

    @Option(names = "--ca-certificate", paramLabel = "FILE",
            description = "A PEM certificate of the CA to trust for the API's TLS (e.g. the demo's test CA); the "
                    + "JDK's trusted CAs when absent")
    Path caCertificate;

    /** What the API answered. */
    record Answer(int status, JsonNode body) {
        boolean refused() {
            return status >= 400 && status < 500 && status != 401 && status != 403;
        }

        /** The problem's sentence, with the field it names. */
        String problem() {
            return body == null ? "" : body.path("detail").asText()
                    + (body.hasNonNull("field") ? " (field " + body.path("field").asText() + ")" : "")
                    + (body.hasNonNull("code") ? " [" + body.path("code").asText() + "]" : "");
        }
    }

    Answer send(String method, String path, String jsonBody) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(path, "application/json")
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = client().send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Answer(response.statusCode(), body);
    }

    /**
     * GETs a file into {@code target}, streamed; a refusal leaves no file.
     *
     * @return the answer: its status, and the problem when it is not a 200
     */
    Answer download(String path, Path target) throws IOException, InterruptedException {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        HttpResponse<Path> response = client().send(request(path, "*/*").GET().build(),
                HttpResponse.BodyHandlers.ofFile(partial));
        if (response.statusCode() == 200) {
            Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return new Answer(200, null);
        }
        JsonNode problem;
        try {
            problem = JSON.readTree(Files.readString(partial, StandardCharsets.UTF_8));
        } catch (IOException unreadable) {
            problem = null;
        } finally {
            Files.deleteIfExists(partial);
        }
        return new Answer(response.statusCode(), problem);
    }

    private HttpRequest.Builder request(String path, String accept) throws IOException {
        String token = Files.readAllLines(tokenFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").strip();
        return HttpRequest.newBuilder(api.resolve(path)).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).header("Accept", accept);
    }

    private HttpClient client() throws IOException {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (caCertificate != null) {
            client.sslContext(trusting(caCertificate));
        }
        return client.build();
    }

    /** A TLS context that trusts one CA: the connector's certificate is issued by it. */
    public static SSLContext trusting(Path caCertificate) throws IOException {
        try (InputStream in = Files.newInputStream(caCertificate)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot trust the CA certificate " + caCertificate + ": " + e.getMessage(), e);
        }
    }
}
