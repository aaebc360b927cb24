package eu.lexbridge.tools.demo;

import java.net.URI;
import java.nio.file.Path;

/**
 * One connector of the demo network.
 *
 * @param party its AS4 party id and test-PKI name, e.g. {@code at-prosecutor}
 * @param backend the name of its back-end
 * @param managementPort where health, metrics and Hawtio listen (loopback only)
 * @param backendToken the bearer token its back-end uses (demo only; random per run)
 */
public record DemoConnector(String party, String label, String backend, int port, int managementPort, Path directory,
                     String backendToken) {

    public URI baseUri() {
        return URI.create("https://localhost:" + port);
    }

    /** Health, metrics and Hawtio: plain HTTP on loopback. */
    public URI managementUri() {
        return URI.create("http://127.0.0.1:" + managementPort);
    }

    public URI as4Endpoint() {
        return baseUri().resolve("/as4");
    }

    public Path configFile() {
        return directory.resolve("application.yml");
    }

    public Path logFile() {
        return directory.resolve("connector.log");
    }

    /** The password of the management login {@link DemoNetwork#OPERATOR} (owner-only file; never printed). */
    public Path operatorPasswordFile() {
        return directory.resolve("operator-password");
    }
}
