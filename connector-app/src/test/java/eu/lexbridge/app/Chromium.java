package eu.lexbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Debian's Chromium, headless, driven by Debian's ChromeDriver over the W3C WebDriver protocol: a real browser for the
 * console's tests, with no driver download and no client library (a few HTTP calls). Loopback only.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process driver;
    private final URI session;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Whether this machine has both (CI installs them: Debian's chromium and chromium-driver). */
    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    Chromium(Path profile) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(profile.resolveSibling("chromedriver.log").toFile()).start();
        URI root = URI.create("http://127.0.0.1:" + port);
        awaitDriver(root);
        JsonNode created = send("POST", root.resolve("/session"), Map.of("capabilities", Map.of("alwaysMatch", Map.of(
                "browserName", "chrome",
                "goog:chromeOptions", Map.of("binary", BROWSER.toString(), "args", List.of("--headless=new",
                        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-quic", "--window-size=1400,1400", "--user-data-dir=" + profile))))));
        session = root.resolve("/session/" + created.path("sessionId").asText() + "/");
    }

    void open(String url) throws Exception {
        send("POST", session.resolve("url"), Map.of("url", url));
    }

    /** The element's text once {@code until} holds of it, within 20 s. */
    String textOf(String css, Predicate<String> until) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            var found = find(css);
            if (found != null) {
                last = send("GET", session.resolve("element/" + found + "/text"), null).asText();
                if (until.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("'" + css + "' did not show what was awaited; last: " + last);
    }

    void click(String css) throws Exception {
        send("POST", session.resolve("element/" + required(css) + "/click"), Map.of());
    }

    void type(String css, String text) throws Exception {
        send("POST", session.resolve("element/" + required(css) + "/value"), Map.of("text", text));
    }

    /** Accepts the page's confirm() dialog. */
    void accept() throws Exception {
        send("POST", session.resolve("alert/accept"), Map.of());
    }

    void screenshot(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(send("GET", session.resolve("screenshot"), null).asText()));
    }

    private String required(String css) throws Exception {
        String id = find(css);
        if (id == null) {
            throw new AssertionError("no element '" + css + "'");
        }
        return id;
    }

    private String find(String css) throws Exception {
        HttpResponse<String> response = http.send(request("POST", session.resolve("element"),
                Map.of("using", "css selector", "value", css)), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200
                ? JSON.readTree(response.body()).path("value").path(ELEMENT).asText() : null;
    }

    private JsonNode send(String method, URI uri, Object body) throws Exception {
        HttpResponse<String> response = http.send(request(method, uri, body), HttpResponse.BodyHandlers.ofString());
        JsonNode value = JSON.readTree(response.body()).path("value");
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " " + uri.getPath() + ": " + value.path("message").asText());
        }
        return value;
    }

    private static HttpRequest request(String method, URI uri, Object body) throws IOException {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }

    private void awaitDriver(URI root) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(root.resolve("/status")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100); // not listening yet
            }
        }
        throw new IllegalStateException("ChromeDriver did not start");
    }

    @Override
    public void close() {
        try {
            if (session != null) {
                http.send(HttpRequest.newBuilder(session).DELETE().build(), HttpResponse.BodyHandlers.discarding());
            }
        } catch (Exception e) {
            // the browser goes with the driver below
        } finally {
            // the browser may still be writing its profile as it goes: wait for it, so the profile's folder can be
            // deleted after (a test's @TempDir failed to close otherwise, now and then)
            List<ProcessHandle> browser = driver.descendants().toList();
            driver.destroy();
            browser.forEach(ProcessHandle::destroy);
            for (ProcessHandle process : browser) {
                try {
                    process.onExit().get(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (Exception e) {
                    process.destroyForcibly();
                }
            }
            try {
                driver.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
