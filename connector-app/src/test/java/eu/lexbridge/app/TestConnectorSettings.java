package eu.lexbridge.app;

import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The settings of one whole connector in a test JVM: a generated test PKI below {@code root}, an unreachable partner,
 * a REST back-end with {@code token}, the management server on a free port.
 *
 * <p>A test adds only what differs (more services, trusted lists, users, ...); a key it adds again after
 * {@link #register} replaces the value set here (the registry keeps one value a key, the last one added).
 */
public final class TestConnectorSettings {

    /** The password of every key store and trust store of the generated test PKI. */
    public static final char[] PASSWORD = "test-only".toCharArray();

    private TestConnectorSettings() {
    }

    /**
     * Registers the settings of one whole connector.
     *
     * @return the test PKI generated below {@code root/pki}, for the settings a test adds
     */
    public static GeneratedPki register(DynamicPropertyRegistry registry, Path root, String token) {
        var pki = SharedTestPki.copyTo(root.resolve("pki"), List.of("at-prosecutor", "de-court"), PASSWORD);
        var at = pki.parties().get("at-prosecutor");
        String password = new String(PASSWORD);
        registry.add("server.ssl.key-store", () -> at.tlsKeyStore().toString());
        registry.add("server.ssl.key-store-password", () -> password);
        registry.add("server.ssl.key-alias", () -> "tls");
        registry.add("management.server.port", () -> "0");
        registry.add("lexbridge.connector.party-id", () -> "at-prosecutor");
        registry.add("lexbridge.connector.ebms-id-domain", () -> "at.test");
        registry.add("lexbridge.connector.data-directory", () -> root.resolve("data").toString());
        registry.add("lexbridge.connector.default-backend", () -> "at-case-management");
        registry.add("lexbridge.network.partners[0].name", () -> "de-court");
        registry.add("lexbridge.network.partners[0].party-id", () -> "de-court");
        registry.add("lexbridge.network.partners[0].endpoint", () -> "https://127.0.0.1:9/as4");
        registry.add("lexbridge.network.partners[0].certificate",
                () -> pki.parties().get("de-court").as4Certificate().toString());
        registry.add("lexbridge.network.services[0].service", () -> "EEvidence");
        registry.add("lexbridge.network.services[0].action", () -> "EPOC");
        registry.add("lexbridge.evidence.seal.key-store", () -> at.sealKeyStore().toString());
        registry.add("lexbridge.evidence.seal.key-store-password", () -> password);
        registry.add("lexbridge.evidence.trust-store", () -> pki.trustStore().toString());
        registry.add("lexbridge.evidence.trust-store-password", () -> password);
        registry.add("lexbridge.container.country", () -> "AT");
        registry.add("lexbridge.container.seal.key-store", () -> at.containerKeyStore().toString());
        registry.add("lexbridge.container.seal.key-store-password", () -> password);
        registry.add("lexbridge.container.seal.key-alias", () -> "container");
        registry.add("lexbridge.as4.key-store", () -> at.as4KeyStore().toString());
        registry.add("lexbridge.as4.key-store-password", () -> password);
        registry.add("lexbridge.as4.trust-store", () -> pki.trustStore().toString());
        registry.add("lexbridge.as4.trust-store-password", () -> password);
        registry.add("lexbridge.as4.tls-trust-store", () -> pki.trustStore().toString());
        registry.add("lexbridge.as4.tls-trust-store-password", () -> password);
        registry.add("lexbridge.as4.connect-timeout", () -> "1s");
        registry.add("lexbridge.routes.first-retry-delay", () -> "30s");
        registry.add("lexbridge.rest.backends.at-case-management.token-sha256", () -> sha256(token));
        return pki;
    }

    /**
     * Adds service {@code index} of the partner (index 0, EEvidence/EPOC without a policy, is registered by
     * {@link #register}): EEvidence with {@code action}, its documents checked under {@code documentPolicy}.
     */
    public static void addService(DynamicPropertyRegistry registry, int index, String action, String documentPolicy) {
        String service = "lexbridge.network.services[" + index + "].";
        registry.add(service + "service", () -> "EEvidence");
        registry.add(service + "action", () -> action);
        registry.add(service + "document-policy", () -> documentPolicy);
    }

    /** Document validation trusts the test PKI's trusted lists: its list of trusted lists and that list's signer. */
    public static void trustTestLists(DynamicPropertyRegistry registry, GeneratedPki pki) {
        registry.add("lexbridge.document-validation.trusted-lists.lotl-url",
                () -> pki.trustedLists().listOfTrustedListsLocation().toString());
        registry.add("lexbridge.document-validation.trusted-lists.lotl-signers[0]",
                () -> pki.trustedLists().listOfTrustedListsSigner().toString());
    }

    /** An HTTP client that trusts the test PKI generated below {@code root/pki} (the connector's TLS certificate). */
    public static HttpClient httpsClient(Path root) throws Exception {
        return HttpClient.newBuilder().sslContext(trustingTestPki(root)).build();
    }

    /** TLS that trusts the test PKI generated below {@code root/pki}. */
    public static SSLContext trustingTestPki(Path root) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(root.resolve("pki").resolve("truststore.p12"))) {
            trust.load(in, PASSWORD);
        }
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        var ssl = SSLContext.getInstance("TLS");
        ssl.init(null, trustManagers.getTrustManagers(), null);
        return ssl;
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A dead letter of {@code hop} carrying {@code body}, put where the broker moves one: sent to the dead-letter
     * address with the property the broker sets, which the hop's dead-letter queue filters on.
     */
    public static void deadLetter(jakarta.jms.ConnectionFactory connections, eu.lexbridge.core.port.Hop hop, String body) {
        var template = new org.springframework.jms.core.JmsTemplate(connections);
        template.setPubSubDomain(true);
        template.convertAndSend(eu.lexbridge.messaging.QueueSettings.DEAD_LETTER_ADDRESS, body, message -> {
            message.setStringProperty("_AMQ_ORIG_ADDRESS", hop.queue());
            return message;
        });
    }
}
