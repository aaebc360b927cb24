package eu.lexbridge.persistence.s3server;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.lexbridge.persistence.ObjectStoreAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server on loopback for the tests: Adobe's S3Mock, run from its executable jar (the build copies
 * it and names it in the system property {@code s3mock.jar}) as a process of its own, once per test JVM. It keeps its
 * objects in a temporary folder and goes with the JVM. It does not check credentials.
 */
public final class S3Server {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    public static final String REGION = "us-east-1";

    private static S3Server running;

    private final URI endpoint;

    private S3Server(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** The server, started on first use; skips the calling test only where the build has not provided it. */
    public static synchronized S3Server get() {
        if (running == null) {
            String jar = System.getProperty("s3mock.jar");
            assumeTrue(jar != null && Files.isRegularFile(Path.of(jar)),
                    "no S3-compatible server to test against: the build copies S3Mock to target/s3mock and names it in "
                            + "-Ds3mock.jar (run the test through Maven)");
            running = start(Path.of(jar));
        }
        return running;
    }

    public URI endpoint() {
        return endpoint;
    }

    public ObjectStoreAccess access() {
        return new ObjectStoreAccess(endpoint, REGION, true, ACCESS_KEY, SECRET_KEY);
    }

    public S3Client client() {
        return access().client();
    }

    /** A new, empty bucket, so that each test counts only its own objects. */
    public String newBucket() {
        String bucket = "lexbridge-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = client()) {
            s3.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    private static S3Server start(Path jar) {
        try {
            Path root = Files.createTempDirectory("s3mock");
            Path log = root.resolveSibling(root.getFileName() + ".log");
            int port = freePort();
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", jar.toString(),
                    "--server.ssl.enabled=false", "--server.address=127.0.0.1", "--server.port=" + port,
                    // S3Mock opens a second plain port besides; a random one, never a fixed one another run holds
                    "--com.adobe.testing.s3mock.http-port=0",
                    "--com.adobe.testing.s3mock.store.root=" + root.resolve("store"),
                    "--logging.level.root=WARN");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(process, root)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!answers(endpoint)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("S3Mock stopped at start (exit " + process.exitValue()
                            + "); its output: " + Files.readString(log));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Mock did not answer within 90 s; its output: "
                            + Files.readString(log));
                }
                Thread.sleep(200);
            }
            return new S3Server(endpoint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean answers(URI endpoint) {
        try {
            HttpURLConnection connection = (HttpURLConnection) endpoint.toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void stop(Process process, Path root) {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the system clears it
        }
    }
}
