package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8, defect 3: oversized and unauthenticated requests in parallel against a receiver running at -Xmx256m in a JVM
 * of its own. Before the spool, one 250 MB attachment or a 200 MB SOAP body was enough for an OutOfMemoryError at
 * 512 MB. The bodies are generated while sent, never held in this JVM either.
 */
class BoundedMemoryTest {

    private static final long MB = 1L << 20;
    /** Live heap (after a collection) the receiver may reach while it refuses all of this. */
    private static final long HEAP_BOUND = 128 * MB;
    private static final long ENVELOPE = 512 * 1024;
    private static final int TURNS = 4;
    /** Envelopes just under the limit, well-formed: each becomes a DOM in phase4, so they are taken in turns. */
    private static final int FULL_ENVELOPES = 16;

    @TempDir
    Path work;

    @Test
    void parallelOversizedRequestsLeaveTheHeapBoundedAndTheReceiverServing() throws Exception {
        Process receiver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                BoundedReceiverMain.class.getName(), work.toString(), String.valueOf(400 * MB),
                String.valueOf(ENVELOPE), String.valueOf(TURNS))
                .redirectError(work.resolve("receiver.log").toFile())
                .start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(),
                StandardCharsets.UTF_8));
             PrintWriter in = new PrintWriter(receiver.getOutputStream(), true, StandardCharsets.UTF_8)) {
            URI endpoint = URI.create(answer(out, "URL"));
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

            List<Supplier<Integer>> attacks = new ArrayList<>();
            attacks.add(() -> post(http, endpoint, "application/soap+xml", 200 * MB, null));
            for (int i = 0; i < 3; i++) {
                attacks.add(() -> post(http, endpoint, "multipart/related; boundary=b1", 150 * MB, "b1-envelope"));
            }
            for (int i = 0; i < 2; i++) {
                attacks.add(() -> post(http, endpoint, "multipart/related; boundary=b1", 250 * MB, "b1-attachment"));
            }
            attacks.add(() -> postDeclared(http, endpoint, 500 * MB));
            for (int i = 0; i < FULL_ENVELOPES; i++) {
                attacks.add(() -> postFullEnvelope(http, endpoint));
            }
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(attacks.size());
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Future<Integer>> running = attacks.stream().map(attack -> pool.submit(attack::get)).toList();
                for (Future<Integer> future : running) {
                    statuses.add(future.get(120, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            long seconds = (System.nanoTime() - started) / 1_000_000_000;

            assertThat(receiver.isAlive()).as("the receiver survived").isTrue();
            // 413 for the over-limit bodies (or the connection closed on them: -1), the unsigned 250 MB messages
            // spooled and answered with an ebMS error (200).
            assertThat(statuses.subList(0, 4)).allSatisfy(status -> assertThat(status).isIn(413, -1));
            assertThat(statuses.subList(4, 6)).containsOnly(200);
            assertThat(statuses.get(6)).isIn(413, -1);
            // Unsigned: phase4 parses each, our processor refuses it with an ebMS error.
            assertThat(statuses.subList(7, statuses.size())).containsOnly(200);

            in.println("send");
            assertThat(answer(out, "SENT")).as("a valid message still goes through").isEqualTo("DELIVERED");
            in.println("received");
            assertThat(answer(out, "RECEIVED")).isEqualTo("1");
            in.println("heap");
            String[] heap = answer(out, "HEAP").split(" ");
            long peak = Long.parseLong(heap[0]);
            System.out.printf("AS4 receiver at -Xmx%d MB: 1 x 200 MB SOAP, 3 x 150 MB envelope part, "
                            + "2 x 250 MB unsigned attachment, 1 x 500 MB declared, %d x %d KB well-formed envelope "
                            + "(%d at a time), in parallel in %d s; statuses %s; largest live heap after GC %d MB%n",
                    Long.parseLong(heap[1]) / MB, FULL_ENVELOPES, ENVELOPE / 1024, TURNS, seconds, statuses,
                    peak / MB);
            assertThat(peak).as("live heap after GC").isLessThan(HEAP_BOUND);
            try (Stream<Path> left = Files.list(work.resolve("data").resolve(As4ReceivingServlet.SPOOL))) {
                assertThat(left).as("no spooled part left").isEmpty();
            }
            in.println("quit");
        } finally {
            if (!receiver.waitFor(20, TimeUnit.SECONDS)) {
                receiver.destroy();
            }
        }
    }

    private static String answer(BufferedReader out, String prefix) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith(prefix + " ")) {
                return line.substring(prefix.length() + 1);
            }
        }
        throw new IllegalStateException("the receiver ended before answering " + prefix);
    }

    /**
     * A chunked body of {@code size} bytes: a bare envelope, a multipart whose envelope part is the whole body, or an
     * unsigned ebMS envelope followed by one attachment of that size.
     */
    private static int post(HttpClient http, URI endpoint, String contentType, long size, String shape) {
        Supplier<InputStream> body = () -> {
            if (shape == null) {
                return new GeneratedBody(size);
            }
            String envelopeHead = "--b1\r\nContent-Type: application/soap+xml\r\n\r\n";
            if ("b1-envelope".equals(shape)) {
                return concat(envelopeHead, new GeneratedBody(size), "\r\n--b1--\r\n");
            }
            String head = envelopeHead + HostileInputCorpusTest.envelope(HostileInputCorpusTest.userMessage(
                    "big-" + System.nanoTime() + "@x")) + "\r\n--b1\r\nContent-Type: application/octet-stream\r\n"
                    + "Content-ID: <big@x>\r\n\r\n";
            return concat(head, new GeneratedBody(size), "\r\n--b1--\r\n");
        };
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(110)).POST(HttpRequest.BodyPublishers.ofInputStream(body)).build();
        return send(http, request);
    }

    /** An unsigned ebMS user message padded with small header elements to just under the envelope limit. */
    private static int postFullEnvelope(HttpClient http, URI endpoint) {
        String message = HostileInputCorpusTest.envelope(HostileInputCorpusTest.userMessage("full-" + System.nanoTime()
                + "@x") + "<x:pad xmlns:x=\"urn:pad\">PAD</x:pad>");
        int split = message.indexOf("PAD");
        byte[] unit = "<x:a>1</x:a>".getBytes(StandardCharsets.US_ASCII);
        long units = (ENVELOPE - message.length() - 16) / unit.length;
        Supplier<InputStream> body = () -> concat(message.substring(0, split),
                new GeneratedBody(unit, unit.length * units),
                message.substring(split + 3));
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/soap+xml")
                .timeout(Duration.ofSeconds(110)).POST(HttpRequest.BodyPublishers.ofInputStream(body)).build();
        return send(http, request);
    }

    private static int postDeclared(HttpClient http, URI endpoint, long size) {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/soap+xml")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(size)), size)).build();
        return send(http, request);
    }

    private static int send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // The receiver closes the connection on a body it refused half-way.
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    private static InputStream concat(String head, InputStream middle, String tail) {
        return new SequenceInputStream(new SequenceInputStream(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)), middle),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)));
    }
}
