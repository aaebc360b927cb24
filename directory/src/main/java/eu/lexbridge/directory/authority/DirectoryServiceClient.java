package eu.lexbridge.directory.authority;

import eu.lexbridge.core.log.LogSafe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of a directory service ({@code docs/directory-api.md}): fetches {@code GET {base}/snapshot} with the
 * entity tag of the snapshot in use, so an unchanged directory costs a 304 and no body; a new one is streamed to a
 * file, bounded, checked and taken. When the service is down, or answers with a snapshot that is refused, the
 * directory in use stays: the last good copy.
 *
 * <p>Thread-safe: one refresh at a time.
 */
public final class DirectoryServiceClient {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryServiceClient.class);

    private final URI snapshotUri;
    private final HttpClient http;
    private final SnapshotIntake intake;
    private final SnapshotDirectory directory;
    private final long maxBytes;
    private final Duration timeout;
    private final Clock clock;
    private volatile Instant lastContact;
    private volatile String lastProblem;

    /**
     * @param base the service's base URI, e.g. {@code https://cdb.example.eu/directory/v1}
     * @param http the client, with the TLS trust the service needs
     * @param maxBytes the largest snapshot file fetched
     * @param timeout how long one request may take
     */
    public DirectoryServiceClient(URI base, HttpClient http, SnapshotIntake intake, SnapshotDirectory directory,
                                  long maxBytes, Duration timeout, Clock clock) {
        String text = base.toString();
        this.snapshotUri = URI.create(text.endsWith("/") ? text + "snapshot" : text + "/snapshot");
        this.http = Objects.requireNonNull(http, "http");
        this.intake = Objects.requireNonNull(intake, "intake");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.maxBytes = maxBytes;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What one refresh did. */
    public enum Refresh {
        /** A newer snapshot was taken. */
        TAKEN,
        /** The service has the snapshot in use. */
        UNCHANGED,
        /** The service could not be reached, answered an error, or sent a snapshot that was refused. */
        FAILED
    }

    /** Asks the service once; never throws: a failure is kept as {@link #lastProblem()}. */
    public synchronized Refresh refresh() {
        Path download = null;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(snapshotUri).timeout(timeout).GET();
            directory.snapshot().ifPresent(s -> request.header("If-None-Match", "\"" + s.sha256() + "\""));
            Path folder = intake.lastGood().toAbsolutePath().getParent();
            Files.createDirectories(folder);
            download = Files.createTempFile(folder, "download", ".part");
            HttpResponse<InputStream> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 304) {
                    return succeeded(Refresh.UNCHANGED);
                }
                if (response.statusCode() != 200) {
                    return failed("the directory service answered HTTP " + response.statusCode());
                }
                if (!copy(body, download)) {
                    return failed("the directory service sent more than the " + maxBytes + " bytes allowed");
                }
            }
            SnapshotDirectory.Offered offered = intake.take(download);
            return succeeded(offered == SnapshotDirectory.Offered.TAKEN ? Refresh.TAKEN : Refresh.UNCHANGED);
        } catch (SnapshotRefusedException e) {
            return failed("the directory service's snapshot is refused: " + e.getMessage());
        } catch (IOException e) {
            return failed("the directory service cannot be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed("the refresh was interrupted");
        } finally {
            if (download != null) {
                try {
                    Files.deleteIfExists(download);
                } catch (IOException e) {
                    LOG.warn("{} cannot be deleted: {}", download, LogSafe.of(e.getMessage()));
                }
            }
        }
    }

    /** When the service last answered with a snapshot that is in use (taken, or unchanged). */
    public Optional<Instant> lastContact() {
        return Optional.ofNullable(lastContact);
    }

    /** Why the last refresh failed, or empty when it did not. */
    public Optional<String> lastProblem() {
        return Optional.ofNullable(lastProblem);
    }

    public URI snapshotUri() {
        return snapshotUri;
    }

    private Refresh succeeded(Refresh refresh) {
        lastContact = clock.instant();
        lastProblem = null;
        return refresh;
    }

    private Refresh failed(String problem) {
        lastProblem = problem;
        LOG.warn("directory refresh from {} failed, the directory in use is kept: {}", snapshotUri,
                LogSafe.of(problem));
        return Refresh.FAILED;
    }

    /** Copies the body to {@code target}; false when it passes {@link #maxBytes} (the rest is not read). */
    private boolean copy(InputStream body, Path target) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = body.read(buffer)) >= 0; ) {
                total += n;
                if (total > maxBytes) {
                    return false;
                }
                out.write(buffer, 0, n);
            }
            return true;
        }
    }
}
