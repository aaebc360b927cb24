package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.transport.As4Profile;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.PartyKeys;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A real receiving endpoint on loopback HTTP: a minimal Spring Boot web app with the AS4 runtime and servlet, the home
 * party its own partner, a {@link RecordingReceiver} behind it. Used in this JVM by the corpus and, in a JVM of its own
 * with a small heap, by the memory test.
 */
final class ReceivingFixture implements AutoCloseable {

    static final char[] PASSWORD = "test-secret".toCharArray();
    static final String PARTY_TYPE = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    static final Party HOME = new Party("lexbridge-a", PARTY_TYPE, "GW");
    static final String EBMS_ID_DOMAIN = "a.lexbridge.test";

    final GeneratedPki pki;
    final As4Settings settings;
    final RecordingReceiver receiver = new RecordingReceiver();
    /** Every security event the endpoint counted, as the app's counter would see them. */
    final List<String> securityEvents = new CopyOnWriteArrayList<>();
    /** The partner directory, asked per request: a test may register a partner while the endpoint runs. */
    final Map<String, Partner> partners = new ConcurrentHashMap<>();
    final InboundLimits limits;
    private final ConfigurableApplicationContext app;
    private final As4Runtime runtime;
    final Partner self;

    private static ReceivingFixture starting;
    private volatile As4Profile homeProfile = As4Profile.EDELIVERY_1;
    private As4Runtime startedRuntime;

    private ReceivingFixture(Path work, InboundLimits limits, List<String> parties, boolean edelivery2)
            throws Exception {
        this(work, limits, SharedTestPki.copyTo(work.resolve("pki"), parties, PASSWORD), null, Duration.ofSeconds(60),
                edelivery2);
    }

    /**
     * Either a PKI generated for this endpoint, or the directory of one generated before (by another JVM); with our
     * eDelivery AS4 2.0 keys (both 2.0 profiles) or without (1.x only).
     */
    private ReceivingFixture(Path work, InboundLimits limits, GeneratedPki generated, Path pkiDirectory,
                             Duration responseTimeout, boolean edelivery2) throws Exception {
        this.pki = generated;
        Path trustStore = generated != null ? generated.trustStore() : pkiDirectory.resolve("truststore.p12");
        Path as4KeyStore = generated != null ? generated.parties().get("lexbridge-a").as4KeyStore()
                : pkiDirectory.resolve("lexbridge-a").resolve("as4.p12");
        KeyStore trust = KeyStores.loadPkcs12(trustStore, PASSWORD);
        As4Settings only1x = new As4Settings(HOME, EBMS_ID_DOMAIN, work.resolve("data"),
                KeyStores.loadPkcs12(as4KeyStore, PASSWORD), TestPki.AS4_ALIAS,
                PASSWORD, trust, trust, Duration.ofSeconds(5), responseTimeout, 4);
        Path edelivery2Keys = generated != null ? generated.parties().get("lexbridge-a").as4Edelivery2KeyStore()
                : pkiDirectory.resolve("lexbridge-a").resolve("as4-edelivery2.p12");
        this.settings = edelivery2 ? speaking2_0(only1x, edelivery2Keys) : only1x;
        this.limits = limits;
        synchronized (ReceivingFixture.class) {
            starting = this;
            try {
                this.app = new SpringApplicationBuilder(App.class).properties(Map.of(
                        "server.port", "0",
                        "spring.main.banner-mode", "off",
                        "logging.level.com.helger", "WARN",
                        // As connector-app's application.yml: RefusedMessageLog records these refusals in one line.
                        "logging.level.com.helger.phase4.incoming.soap", "OFF",
                        "logging.level.com.helger.phase4.incoming.AS4IncomingHandler", "OFF"))
                        .run();
            } finally {
                starting = null;
            }
        }
        this.runtime = startedRuntime;
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        this.self = new Partner("self", HOME, URI.create("http://localhost:" + port + "/as4"),
                settings.as4Certificate());
        partners.put(HOME.partyId(), self);
    }

    static ReceivingFixture start(Path work, InboundLimits limits) throws Exception {
        return new ReceivingFixture(work, limits, List.of("lexbridge-a"), false);
    }

    /** With more parties in the test PKI (the home party first), the endpoint speaking eDelivery AS4 1.x and 2.0. */
    static ReceivingFixture startSpeaking2_0(Path work, InboundLimits limits, List<String> parties) throws Exception {
        return new ReceivingFixture(work, limits, parties, true);
    }

    /** {@code settings} with the party's eDelivery AS4 2.0 keys of the test PKI, for both 2.0 profiles. */
    static As4Settings speaking2_0(As4Settings settings, PartyKeys party) {
        return speaking2_0(settings, party.as4Edelivery2KeyStore());
    }

    private static As4Settings speaking2_0(As4Settings settings, Path edelivery2KeyStore) {
        KeyStore keys = KeyStores.loadPkcs12(edelivery2KeyStore, PASSWORD);
        return settings
                .withEdelivery2Keys(As4Profile.EDELIVERY_2_EDDSA, new As4Settings.Edelivery2Keys(keys,
                        TestPki.AS4_SIGN_ALIAS, TestPki.AS4_DECRYPT_ALIAS, PASSWORD))
                .withEdelivery2Keys(As4Profile.EDELIVERY_2_ECDSA, new As4Settings.Edelivery2Keys(keys,
                        TestPki.AS4_EC_SIGN_ALIAS, TestPki.AS4_EC_DECRYPT_ALIAS, PASSWORD));
    }

    /** The partner a sender registers for this endpoint in {@code profile}, at {@code endpoint}. */
    Partner asPartner(As4Profile profile, URI endpoint) {
        Partner partner = new Partner("lexbridge-a", HOME, endpoint, settings.signingCertificate(profile));
        return profile.separateEncryptionKey()
                ? partner.withAs4Profile(profile, settings.decryptionCertificate(profile)) : partner;
    }

    /**
     * With the keys of a PKI generated before under {@code pkiDirectory} ({@link TestPki#generate}, party
     * {@code lexbridge-a}): two JVMs started this way are the same party and trust each other; they speak 1.x and 2.0
     * ({@link #speakToItself}). {@link #pki} is null.
     */
    static ReceivingFixture startWithPki(Path work, InboundLimits limits, Path pkiDirectory) throws Exception {
        // The connector's default wait for a receipt: a receiver decrypts and checks a gigabyte before it answers.
        return new ReceivingFixture(work, limits, null, pkiDirectory, Duration.ofMinutes(5), true);
    }

    /** With more parties in the test PKI (the home party {@code lexbridge-a} first); none is a partner yet. */
    static ReceivingFixture start(Path work, InboundLimits limits, List<String> parties) throws Exception {
        return new ReceivingFixture(work, limits, parties, false);
    }

    URI endpoint() {
        return self.endpoint();
    }

    Path spoolDirectory() {
        return settings.dataDirectory().resolve(As4ReceivingServlet.SPOOL);
    }

    @Override
    public void close() {
        app.close();
        runtime.close();
    }

    /**
     * The profile the home party, its own partner, is registered with in the directory from now on (1.x at start):
     * one endpoint talking to itself in 2.0. Needs the endpoint's 2.0 keys.
     */
    void speakToItself(As4Profile profile) {
        homeProfile = profile;
    }

    private Partner partner() {
        Partner home = self != null ? self : new Partner("self", HOME, URI.create("http://localhost/as4"),
                settings.as4Certificate());
        As4Profile profile = homeProfile;
        return profile == As4Profile.EDELIVERY_1 ? home : asPartner(profile, home.endpoint());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        ServletContextInitializer as4Endpoint() {
            ReceivingFixture fixture = starting;
            return servletContext -> {
                fixture.startedRuntime = As4Runtime.start(servletContext, fixture.settings);
                PartnerDirectory partners = partyId -> HOME.partyId().equals(partyId)
                        ? Optional.of(fixture.partner()) : Optional.ofNullable(fixture.partners.get(partyId));
                SecurityEvents counting = (kind, detail) -> {
                    fixture.securityEvents.add(kind + ": " + detail);
                    SecurityEvents.logOnly().record(kind, detail);
                };
                ServletRegistration.Dynamic servlet = servletContext.addServlet("as4", new As4ReceivingServlet(
                        fixture.settings, partners, fixture.receiver, counting, fixture.limits));
                servlet.addMapping("/as4");
                servlet.setLoadOnStartup(1);
            };
        }
    }
}
