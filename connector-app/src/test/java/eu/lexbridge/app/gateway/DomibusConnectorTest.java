package eu.lexbridge.app.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.LexbridgeApplication;
import eu.lexbridge.app.TestConnectorSettings;
import eu.lexbridge.gateway.as4.As4Settings;
import eu.lexbridge.gateway.domibus.DomibusSettings;
import eu.lexbridge.gateway.domibus.PushedNotifications;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One whole connector with Domibus as its access point ({@code lexbridge.gateway.kind: domibus}): no embedded access
 * point, and the endpoint Domibus pushes to answers under the CXF servlet over HTTPS, to Domibus's push credential
 * only. Its Domibus is unreachable; nothing here submits.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DomibusConnectorTest {

    private static final String PUSH_LOGIN = "Basic " + Base64.getEncoder()
            .encodeToString("domibus:push-secret".getBytes(StandardCharsets.UTF_8));

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        TestConnectorSettings.register(registry, root, "domibus-test-token");
        registry.add("lexbridge.gateway.kind", () -> "domibus");
        registry.add("lexbridge.gateway.domibus.url", () -> "http://127.0.0.1:9/domibus/services/wsplugin");
        registry.add("lexbridge.gateway.domibus.username", () -> "lexbridge");
        registry.add("lexbridge.gateway.domibus.password", () -> "plugin-secret");
        registry.add("lexbridge.gateway.domibus.push-username", () -> "domibus");
        registry.add("lexbridge.gateway.domibus.push-password", () -> "push-secret");
        registry.add("lexbridge.gateway.domibus.pull-interval", () -> "1h");
    }

    @Test
    void theConnectorRunsOnDomibusWithoutTheEmbeddedAccessPoint() {
        assertThat(context.getBeansOfType(DomibusSettings.class)).hasSize(1);
        assertThat(context.getBeansOfType(PushedNotifications.class)).hasSize(1);
        assertThat(context.getBeansOfType(As4Settings.class)).isEmpty();
    }

    @Test
    void aReportOnAMessageTheConnectorDoesNotKnowIsAcknowledgedAndChangesNothing() throws Exception {
        HttpResponse<String> answer = push(PUSH_LOGIN, "<ns:sendFailure xmlns:ns=\"eu.domibus\"><messageID>"
                + "unknown@de.test</messageID></ns:sendFailure>");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("sendFailureResponse").doesNotContain("Fault");
    }

    @Test
    void aPushWithoutDomibusCredentialIsRefused() throws Exception {
        HttpResponse<String> answer = push("Basic " + Base64.getEncoder().encodeToString(
                "domibus:guess".getBytes(StandardCharsets.UTF_8)), "<ns:sendSuccess xmlns:ns=\"eu.domibus\">"
                + "<messageID>x@de.test</messageID></ns:sendSuccess>");

        assertThat(answer.statusCode()).isIn(400, 500);
        assertThat(answer.body()).contains("LB-1200");
    }

    private HttpResponse<String> push(String authorization, String body) throws Exception {
        HttpClient client = TestConnectorSettings.httpsClient(root);
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port
                        + "/services/domibus-push"))
                .header("Content-Type", "application/soap+xml; charset=UTF-8")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString("<soap:Envelope xmlns:soap=\""
                        + "http://www.w3.org/2003/05/soap-envelope\"><soap:Body>" + body
                        + "</soap:Body></soap:Envelope>"))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
