package eu.lexbridge.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.record.DeadlineAlert;
import eu.lexbridge.core.testkit.SampleMessages;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One identity per back-end for every API, and one link that reaches each back-end the way it asked for. */
class BackendIdentityAndLinksTest {

    /** Two self-signed certificates (openssl req -x509, P-256), one per back-end. */
    private static final X509Certificate A = certificate("""
            -----BEGIN CERTIFICATE-----
            MIIBfTCCASOgAwIBAgIUTyCfju/4adIdA8aI0/LkXmK7i94wCgYIKoZIzj0EAwIw
            FDESMBAGA1UEAwwJYmFja2VuZC1hMB4XDTI2MTIwNTExMzMzN1oXDTM2MTIwMjEx
            MzMzN1owFDESMBAGA1UEAwwJYmFja2VuZC1hMFkwEwYHKoZIzj0CAQYIKoZIzj0D
            AQcDQgAECDZTB1HN7yAw8/C5rxEywWHTH2wPTN8xAO3xWppT7cvVpVt5HFZ04yJf
            hPs2oAn9QrjfrwdZUzURAoBG7ViUZKNTMFEwHQYDVR0OBBYEFNaAOsw4LkB99NpH
            jAaYjVrlgLZEMB8GA1UdIwQYMBaAFNaAOsw4LkB99NpHjAaYjVrlgLZEMA8GA1Ud
            EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSAAwRQIhAOicGHXvq+VhvNjcLA4fZQEF
            +Qh2XiozN6iIdaOv57RwAiAy+N4UyKelkS81MpvuMk8JiiuYCUq2JvXzwgWcp9DE
            5A==
            -----END CERTIFICATE-----
            """);
    private static final X509Certificate B = certificate("""
            -----BEGIN CERTIFICATE-----
            MIIBfjCCASOgAwIBAgIUOFWh0bPeNnxLOqMVq5YKO6v+kbgwCgYIKoZIzj0EAwIw
            FDESMBAGA1UEAwwJYmFja2VuZC1iMB4XDTI2MTIwNTExMzMzN1oXDTM2MTIwMjEx
            MzMzN1owFDESMBAGA1UEAwwJYmFja2VuZC1iMFkwEwYHKoZIzj0CAQYIKoZIzj0D
            AQcDQgAE9jyZlrGqjNYsx47OfW4wVRN6ZG3cfa6bntSIdTQI6kUFmFOA2NQLYunS
            hrQkF1GyF2u445el4PjzZUwjJzgKWaNTMFEwHQYDVR0OBBYEFMxF00DHF2a1Ps2w
            ut2XpU0K7e78MB8GA1UdIwQYMBaAFMxF00DHF2a1Ps2wut2XpU0K7e78MA8GA1Ud
            EwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhAO6PuljuLUkGsEyzV6Geybj3
            VtzNjsAgLnOGdIaRSAaEAiEAjMhP9MUQCX64pZPwzNF/GflhaycUYsZPDNt3Rr3t
            cO4=
            -----END CERTIFICATE-----
            """);

    @Test
    void aBackendIsKnownByItsExactCertificateOnly() {
        BackendCertificates certificates = BackendCertificates.of(Map.of("eurojust", A));

        assertThat(certificates.backendOf(A)).contains("eurojust");
        assertThat(certificates.backendOf(B)).isEmpty();
        assertThat(certificates.backendOf(null)).isEmpty();
        assertThat(certificates.certificateOf("eurojust")).contains(A);
        assertThat(BackendCertificates.none().backendOf(A)).isEmpty();
    }

    @Test
    void twoBackendsWithOneCertificateCannotBeToldApartAndAreRefused() {
        Map<String, X509Certificate> twice = new LinkedHashMap<>();
        twice.put("eurojust", A);
        twice.put("eppo", A);

        assertThatThrownBy(() -> BackendCertificates.of(twice))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("back-ends eurojust and eppo have the same certificate; each back-end needs its own");
    }

    @Test
    void eachBackendIsOfferedThroughTheApiThatPushesToItAndTheOthersPull() {
        Recording soap = new Recording(new BackendLink.Pushed("soap took it"));
        BackendLink link = BackendLink.routed(List.of(new PushDelivery("SOAP", Map.of("court", soap))));

        assertThat(link.deliver(message("court"))).isEqualTo(new BackendLink.Pushed("soap took it"));
        assertThat(link.deliver(message("archive"))).isInstanceOf(BackendLink.Held.class);
        assertThat(link.notify(message("court"), null)).isEqualTo(new BackendLink.Pushed("soap took it"));
        assertThat(link.alert(alert("court"))).isEqualTo(new BackendLink.Pushed("soap took it"));
        assertThat(link.alert(alert("archive"))).isInstanceOf(BackendLink.Held.class);
        assertThat(soap.backends).containsExactly("court", "court", "court");
        assertThat(link.pushesTo("court")).isTrue();
        assertThat(link.pushesTo("archive")).as("pulls").isFalse();
        assertThat(BackendLink.heldForPull().pushesTo("court")).isFalse();
        assertThat(BackendLink.routed(List.of())).isSameAs(BackendLink.heldForPull());
    }

    @Test
    void aBackendTwoApisPushToIsRefusedAtStart() {
        BackendLink any = BackendLink.heldForPull();

        assertThatThrownBy(() -> BackendLink.routed(List.of(new PushDelivery("SOAP", Map.of("court", any)),
                new PushDelivery("JMS", Map.of("court", any)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("back-end court is pushed to by both the SOAP and the JMS API; configure push delivery "
                        + "for it in one of them");
    }

    private static DeadlineAlert alert(String backend) {
        Instant due = Instant.parse("2026-12-16T23:00:00Z");
        return new DeadlineAlert(1, DeadlineAlert.Kind.DUE_SOON, backend, "case-1", "D4", "produce the data", null,
                null, null, due.minusSeconds(864_000), due, due.minusSeconds(3600));
    }

    private static ConnectorMessage message(String backend) {
        return SampleMessages.inbound(Instant.parse("2026-12-05T10:00:00Z")).backendName(backend).build();
    }

    private static final class Recording implements BackendLink {
        private final Handover answer;
        private final List<String> backends = new ArrayList<>();

        Recording(Handover answer) {
            this.answer = answer;
        }

        @Override
        public Handover deliver(ConnectorMessage message) {
            backends.add(message.backendName());
            return answer;
        }

        @Override
        public Handover notify(ConnectorMessage subject, Evidence evidence) {
            backends.add(subject.backendName());
            return answer;
        }

        @Override
        public Handover alert(DeadlineAlert alert) {
            backends.add(alert.backendName());
            return answer;
        }
    }

    private static X509Certificate certificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.strip().replace("            ", "")
                            .getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
