package eu.lexbridge.tools.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import eu.lexbridge.core.authority.AuthorityRole;
import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.SignatureVerifier;
import eu.lexbridge.directory.authority.AuthorityEntry;
import eu.lexbridge.directory.authority.Competence;
import eu.lexbridge.directory.authority.DirectoryIndex;
import eu.lexbridge.directory.authority.PostalRange;
import eu.lexbridge.directory.authority.Snapshot;
import eu.lexbridge.directory.authority.SnapshotArchive;
import eu.lexbridge.directory.authority.SnapshotRefusedException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory service ({@code docs/directory-api.md}) over one signed snapshot file: its status, the file itself
 * with its SHA-256 as entity tag, lookups by competence, authorities by id and the instruments it holds. The file is
 * checked before it is served, and again when it changes on disk; a replacement that is refused leaves the one in
 * service. For tests, and for a Member State that publishes its own copy.
 */
public final class DirectoryServer implements AutoCloseable {

    public static final String BASE = "/directory/v1";
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryServer.class);

    private final Path file;
    private final SignatureVerifier seals;
    private final long maxBytes;
    private final Clock clock;
    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger snapshotsSent = new AtomicInteger();
    private Served served;

    /** The snapshot in service, the file it came from and when that file was last changed. */
    private record Served(Snapshot snapshot, DirectoryIndex index, byte[] file, FileTime modified) {
    }

    /**
     * Checks the file and starts serving it.
     *
     * @param tls the server's TLS, or {@code null} for plain HTTP (loopback addresses only)
     * @throws SnapshotRefusedException when the file is not a snapshot sealed by a publisher
     */
    public DirectoryServer(Path file, SignatureVerifier seals, long maxBytes, InetSocketAddress address,
                           SSLContext tls, Clock clock) throws IOException {
        this.file = file;
        this.seals = seals;
        this.maxBytes = maxBytes;
        this.clock = clock;
        if (tls == null && !address.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("plain HTTP is served on a loopback address only; give a TLS key "
                    + "store to serve on " + address.getAddress().getHostAddress());
        }
        this.served = load();
        if (tls == null) {
            server = HttpServer.create(address, 50);
        } else {
            HttpsServer https = HttpsServer.create(address, 50);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            server = https;
        }
        server.createContext(BASE + "/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "directory-server");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
    }

    /** The base URI clients are given, e.g. {@code http://127.0.0.1:8123/directory/v1}. */
    public URI base() {
        String scheme = server instanceof HttpsServer ? "https" : "http";
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create(scheme + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort()
                + BASE);
    }

    public synchronized Snapshot snapshot() {
        return served.snapshot();
    }

    /** How many times the snapshot file was sent whole (a 304 sends none). */
    public int snapshotsSent() {
        return snapshotsSent.get();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private Served load() throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        Snapshot snapshot = SnapshotArchive.open(file, seals, maxBytes);
        return new Served(snapshot, new DirectoryIndex(snapshot), Files.readAllBytes(file), modified);
    }

    /** The snapshot in service, taken again from the file when it changed and the new one is accepted. */
    private synchronized Served current() {
        try {
            if (!Files.getLastModifiedTime(file).equals(served.modified())) {
                Served next = load();
                if (next.snapshot().version() > served.snapshot().version()) {
                    LOG.info("serving directory snapshot {} from now on", next.snapshot().version());
                    served = next;
                } else {
                    LOG.warn("the snapshot file changed but is not newer than version {}; still serving it",
                            served.snapshot().version());
                    served = new Served(served.snapshot(), served.index(), served.file(), next.modified());
                }
            }
        } catch (IOException | SnapshotRefusedException e) {
            LOG.warn("the changed snapshot file is refused, still serving version {}: {}",
                    served.snapshot().version(), LogSafe.of(e.getMessage()));
        }
        return served;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                problem(exchange, 405, "method-not-allowed", "the directory is read with GET");
                return;
            }
            String path = exchange.getRequestURI().getRawPath().substring(BASE.length());
            Served now = current();
            switch (path) {
                case "/status" -> send(exchange, 200, status(now.snapshot()));
                case "/snapshot" -> snapshot(exchange, now);
                case "/authorities" -> find(exchange, now);
                case "/instruments" -> send(exchange, 200, instruments(now.snapshot()));
                default -> {
                    if (path.startsWith("/authorities/")) {
                        authority(exchange, now, URLDecoder.decode(path.substring("/authorities/".length()),
                                StandardCharsets.UTF_8));
                    } else {
                        problem(exchange, 404, "not-found", "no such resource; see " + BASE + "/status");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("a directory request failed: {}", LogSafe.of(e.toString()));
        }
    }

    private void snapshot(HttpExchange exchange, Served now) throws IOException {
        String tag = "\"" + now.snapshot().sha256() + "\"";
        exchange.getResponseHeaders().set("ETag", tag);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        if (matches(exchange.getRequestHeaders().get("If-None-Match"), tag)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", SnapshotArchive.MIME_TYPE);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(200, head ? -1 : now.file().length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(now.file());
            }
            snapshotsSent.incrementAndGet();
        }
    }

    /** RFC 9110 13.1.2: {@code *}, or any of the listed tags, weak or strong, names the current representation. */
    private static boolean matches(java.util.List<String> ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String header : ifNoneMatch) {
            for (String candidate : header.split(",")) {
                String value = candidate.strip();
                if (value.equals("*") || value.equals(tag) || value.equals("W/" + tag)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void find(HttpExchange exchange, Served now) throws IOException {
        RecipientQuery query;
        try {
            query = RecipientQuery.fromQueryString(exchange.getRequestURI().getRawQuery());
        } catch (IllegalArgumentException e) {
            problem(exchange, 400, "invalid-query", e.getMessage());
            return;
        }
        Lookup lookup = now.index().find(query, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        ObjectNode body = json.createObjectNode();
        body.put("searched", query.describe());
        body.put("source", lookup.source());
        ArrayNode matches = body.putArray("matches");
        lookup.matches().forEach(m -> matches.add(match(m)));
        ArrayNode undecided = body.putArray("undecided");
        lookup.undecided().forEach(m -> undecided.add(match(m)));
        send(exchange, 200, body);
    }

    private ObjectNode match(Lookup.Match match) {
        ObjectNode node = json.createObjectNode();
        node.put("authorityId", match.authorityId());
        node.put("name", match.name());
        ObjectNode address = node.putObject("address");
        address.put("finalRecipient", match.address().finalRecipient());
        address.put("partyId", match.address().partyId());
        address.put("partyIdType", match.address().partyIdType());
        node.put("reason", match.reason());
        return node;
    }

    private void authority(HttpExchange exchange, Served now, String id) throws IOException {
        AuthorityEntry entry = now.snapshot().authorities().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElse(null);
        if (entry == null) {
            problem(exchange, 404, "unknown-authority", "no authority has this id in snapshot "
                    + now.snapshot().version());
            return;
        }
        send(exchange, 200, entry(entry));
    }

    private ObjectNode entry(AuthorityEntry entry) {
        ObjectNode node = json.createObjectNode();
        node.put("id", entry.id());
        node.put("kind", entry.kind().code());
        node.set("names", json.valueToTree(new TreeMap<>(entry.names())));
        node.set("languages", json.valueToTree(entry.languages()));
        if (entry.address() != null) {
            ObjectNode address = node.putObject("address");
            address.put("finalRecipient", entry.address().finalRecipient());
            address.put("partyId", entry.address().partyId());
            address.put("partyIdType", entry.address().partyIdType());
        }
        if (entry.validFrom() != null) {
            node.put("validFrom", entry.validFrom().toString());
        }
        if (entry.validUntil() != null) {
            node.put("validUntil", entry.validUntil().toString());
        }
        if (entry.serviceProvider() != null) {
            node.put("serviceProvider", entry.serviceProvider());
        }
        ArrayNode competences = node.putArray("competences");
        for (Competence competence : entry.competences()) {
            ObjectNode c = competences.addObject();
            c.put("instrument", competence.instrument().code());
            c.set("roles", json.valueToTree(competence.roles().stream().map(AuthorityRole::code).sorted().toList()));
            ObjectNode area = c.putObject("area");
            area.set("countries", json.valueToTree(new TreeSet<>(competence.area().countries())));
            area.set("regions", json.valueToTree(new TreeSet<>(competence.area().regions())));
            ArrayNode codes = area.putArray("postalCodes");
            for (PostalRange range : competence.area().postalCodes()) {
                codes.addObject().put("from", range.from()).put("to", range.to());
            }
            area.set("named", json.valueToTree(new TreeSet<>(competence.area().named())));
            c.set("criteria", json.valueToTree(new TreeMap<>(competence.criteria())));
            if (competence.via() != null) {
                c.put("via", competence.via());
            }
        }
        return node;
    }

    private ObjectNode status(Snapshot snapshot) {
        ObjectNode node = json.createObjectNode();
        node.put("version", snapshot.version());
        node.put("published", snapshot.published().toString());
        node.put("publisher", snapshot.publisher());
        node.put("sha256", snapshot.sha256());
        node.put("authorities", snapshot.authorities().size());
        return node;
    }

    private ObjectNode instruments(Snapshot snapshot) {
        Map<String, Set<String>> roles = new TreeMap<>();
        Map<String, Set<String>> countries = new TreeMap<>();
        for (AuthorityEntry entry : snapshot.authorities()) {
            for (Competence competence : entry.competences()) {
                String code = competence.instrument().code();
                competence.roles().forEach(r -> roles.computeIfAbsent(code, k -> new TreeSet<>()).add(r.code()));
                countries.computeIfAbsent(code, k -> new TreeSet<>()).addAll(competence.area().countries());
            }
        }
        ObjectNode node = json.createObjectNode();
        ArrayNode list = node.putArray("instruments");
        roles.forEach((code, r) -> list.addObject().put("instrument", code).<ObjectNode>set("roles",
                json.valueToTree(r)).set("countries", json.valueToTree(countries.get(code))));
        return node;
    }

    private void problem(HttpExchange exchange, int status, String type, String detail) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("type", "urn:lexbridge:directory:" + type);
        body.put("title", type.replace('-', ' '));
        body.put("status", status);
        body.put("detail", detail);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void send(HttpExchange exchange, int status, ObjectNode body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(body);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
