package eu.lexbridge.tools.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL server of its own for {@code bench crash}: the real {@code postgres} binaries (zonky's build from Maven
 * Central) in processes of their own, one data directory that outlives a {@link #restart()}, on a fixed loopback port,
 * so the connectors reconnect to the same address. Durable as a production server is: fsync stays on.
 */
final class PostgresServer implements AutoCloseable {

    static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts the server (a new data directory the first time) and creates {@code databases} that do not exist. */
    static PostgresServer start(Path dataDirectory, int port, List<String> databases) {
        PostgresServer postgres = new PostgresServer(dataDirectory, port);
        postgres.startServer();
        try (Connection c = postgres.server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit")) {
                var value = s.executeQuery("SHOW " + setting);
                if (!value.next() || !"on".equals(value.getString(1))) {
                    throw new SQLException(setting + " is not on: the server would not be durable");
                }
            }
            for (String database : databases) {
                // the bench's own names ([a-z_]), never outside input
                if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                    s.execute("CREATE DATABASE " + database);
                }
            }
        } catch (SQLException e) {
            postgres.close();
            throw new IllegalStateException("cannot create the bench databases: " + e.getMessage(), e);
        }
        return postgres;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Stops the server (fast shutdown: every session ends, open transactions roll back) and starts it again. */
    void restart() {
        stopServer();
        startServer();
    }

    private void startServer() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    // zonky starts a test server with fsync off (-F) and asynchronous commits; this one is durable
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start PostgreSQL in " + dataDirectory, e);
        }
    }

    private void stopServer() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot stop PostgreSQL", e);
            } finally {
                server = null;
            }
        }
    }

    @Override
    public void close() {
        stopServer();
    }
}
