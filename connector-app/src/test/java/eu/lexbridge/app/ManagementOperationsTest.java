package eu.lexbridge.app;

import static eu.lexbridge.app.ManagementCall.get;
import static eu.lexbridge.app.ManagementCall.post;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.ManagementCall.Reply;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.directory.routing.BackendRules;
import eu.lexbridge.directory.routing.RoutingRule;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The back-end routing rules changed at run time on the management port, over HTTP with the management logins: an
 * operator reads and replaces them; a set with a rule that does not parse is refused naming its line and column, and
 * the rules in force stay; a viewer, and nobody logged in, can neither read nor change them.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// phase4 allows one AS4 identity per JVM: the next whole connector starts only once this one is closed
@DirtiesContext
class BackendRulesManagementTest {

    private static final String PATH = "/actuator/backendrules";
    private static final String JSON = "application/json";
    /** bcrypt (cost 4, tests only) of {@code viewer-secret} and {@code operator-secret}. */
    private static final String VIEWER_HASH = "{bcrypt}$2a$04$UPPZdFEzfxthYtXYBAV1v.mxEOUBixCB9IHel.bAT0e9lKKk05gc2";
    private static final String OPERATOR_HASH = "{bcrypt}$2a$04$QjSAnC775FH5GhjdntQMfeMrKffDbYY8wd9BSiVyrS/upAkSvfQTm";

    @TempDir
    static Path root;

    @LocalManagementPort
    int managementPort;

    @Autowired
    BackendRules rules;

    @Autowired
    SettingStore store;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        TestConnectorSettings.register(registry, root, "rules-test-token");
        registry.add("lexbridge.management.users[0].name", () -> "viewer");
        registry.add("lexbridge.management.users[0].password-hash", () -> VIEWER_HASH);
        registry.add("lexbridge.management.users[0].role", () -> "VIEWER");
        registry.add("lexbridge.management.users[1].name", () -> "operator");
        registry.add("lexbridge.management.users[1].password-hash", () -> OPERATOR_HASH);
        registry.add("lexbridge.management.users[1].role", () -> "OPERATOR");
        registry.add("lexbridge.backend-routing.rules[0].backend", () -> "court-a");
        registry.add("lexbridge.backend-routing.rules[0].priority", () -> "10");
        registry.add("lexbridge.backend-routing.rules[0].condition", () -> "equals(ServiceName, 'EPO')");
    }

    @Autowired
    eu.lexbridge.directory.partner.SharedPartners partners;

    /** The partners are changed the same way, on the same port, without a restart. */
    @Test
    void anOperatorAddsAndRetiresAPartnerWithItsServicesAndAViewerCannot() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var partner = json.createObjectNode().put("name", "fr-justice").put("partyId", "fr-justice")
                .put("endpoint", "https://fr.example.eu/as4")
                .put("certificate", java.nio.file.Files.readString(root.resolve("pki/de-court/as4.crt")));
        partner.put("services", "EEvidence EPOC");

        Reply viewer = post("/actuator/partners", JSON, json.writeValueAsString(partner)).basic("viewer",
                "viewer-secret").send(managementPort);
        assertThat(viewer.status()).isEqualTo(403);
        Reply added = asOperator(post("/actuator/partners", JSON, json.writeValueAsString(partner)));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.body()).contains("\"change\":\"ADDED\"").contains("\"action\":\"EPOC\"");
        assertThat(partners.byPartyId("fr-justice")).hasValueSatisfying(p -> {
            assertThat(p.takes("EEvidence", "EPOC")).isTrue();
            assertThat(p.takes("EEvidence", "EPOC-PR")).isFalse();
        });
        assertThat(asOperator(get("/actuator/partners")).body()).contains("\"name\":\"fr-justice\"")
                .contains("\"daysLeft\"");

        Reply plain = asOperator(post("/actuator/partners", JSON, json.writeValueAsString(partner.put("endpoint",
                "http://fr.example.eu/as4"))));
        assertThat(plain.status()).isEqualTo(400);
        assertThat(plain.body()).contains("\"code\":\"LB-1401\"").contains("is not an https URL");
        assertThat(partners.byPartyId("fr-justice").orElseThrow().endpoint()).hasToString(
                "https://fr.example.eu/as4");

        Reply retired = asOperator(ManagementCall.delete("/actuator/partners/fr-justice"));
        assertThat(retired.status()).as(retired.body()).isEqualTo(200);
        assertThat(partners.byPartyId("fr-justice")).isEmpty();
        assertThat(store.latest(SettingStore.Setting.PARTNERS)).hasValueSatisfying(kept -> assertThat(
                kept.changedBy()).isEqualTo("operator"));
    }

    @Autowired
    eu.lexbridge.core.port.MessageStore messages;

    @Autowired
    eu.lexbridge.core.flow.Dispatch dispatch;

    /**
     * Issue 15 item 1: an operator holds the sends to a partner for its maintenance and releases them, and sends again
     * a message whose send failed; a viewer can do neither; each is kept with who did it.
     */
    @Test
    void anOperatorHoldsAndReleasesAPartnerAndResendsAFailedMessageAndAViewerCannot() {
        assertThat(post("/actuator/holds/de-court", JSON, "{\"reason\":\"maintenance 08:00-12:00\"}")
                .basic("viewer", "viewer-secret").send(managementPort).status()).isEqualTo(403);
        Reply held = asOperator(post("/actuator/holds/de-court", JSON, "{\"reason\":\"maintenance 08:00-12:00\"}"));
        assertThat(held.status()).as(held.body()).isEqualTo(200);
        assertThat(held.body()).contains("\"partner\":\"de-court\"").contains("\"heldBy\":\"operator\"");
        assertThat(asOperator(get("/actuator/holds")).body()).contains("\"count\":1")
                .contains("maintenance 08:00-12:00");
        Reply unknown = asOperator(post("/actuator/holds/xx-nobody", JSON, "{}"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"code\":\"LB-1104\"");
        Reply released = asOperator(ManagementCall.delete("/actuator/holds/de-court"));
        assertThat(released.body()).contains("\"released\":true");
        assertThat(store.latest(SettingStore.Setting.PARTNER_HOLDS)).hasValueSatisfying(kept ->
                assertThat(kept.changedBy()).isEqualTo("operator"));

        var failed = eu.lexbridge.core.testkit.SampleMessages.outbound(java.time.Instant.now())
                .state(eu.lexbridge.core.message.MessageState.ACCEPTED).build();
        messages.insert(failed, "stored by the test");
        dispatch.giveUp(failed.connectorMessageId(), eu.lexbridge.core.evidence.RejectionReason.UNREACHABLE
                .because("connection refused"));
        String path = "/actuator/resend/" + failed.connectorMessageId();
        assertThat(post(path, JSON, "{}").basic("viewer", "viewer-secret").send(managementPort).status())
                .isEqualTo(403);

        Reply resent = asOperator(post(path, JSON, "{}"));

        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.body()).contains("\"state\":\"ACCEPTED\"");
        assertThat(messages.timeline(failed.connectorMessageId())).anySatisfy(e -> assertThat(e.detail())
                .isEqualTo("sent again at the request of operator"));
        var sent = eu.lexbridge.core.testkit.SampleMessages.outbound(java.time.Instant.now())
                .state(eu.lexbridge.core.message.MessageState.SENT).build();
        messages.insert(sent, "stored by the test");
        Reply notFailed = asOperator(post("/actuator/resend/" + sent.connectorMessageId(), JSON, "{}"));
        assertThat(notFailed.status()).isEqualTo(409);
        assertThat(notFailed.body()).contains("\"code\":\"LB-1303\"").contains("SENT");
        assertThat(asOperator(post("/actuator/resend/not-a-uuid", JSON, "{}")).body()).contains("LB-1002");
    }

    private Reply asOperator(ManagementCall call) {
        return call.basic("operator", "operator-secret").send(managementPort);
    }

    private static ManagementCall replace(String rulesJson) {
        return post(PATH, JSON, "{\"rules\": " + rulesJson + "}");
    }

    @Test
    void anOperatorReadsAndReplacesTheRulesAndABadSetIsRefusedWithItsPositionTheOldRulesKept() {
        Reply configured = asOperator(get(PATH));
        assertThat(configured.status()).isEqualTo(200);
        assertThat(configured.body()).contains("\"count\":1").contains("court-a 10 equals(ServiceName, 'EPO')");

        Reply replaced = asOperator(replace("\"# from the operations API\\n"
                + "eurojust 20 startswith(FinalRecipient, 'eurojust::')\\n"
                + "court-b 5 &(equals(ServiceName, 'EPO'), not(equals(FromPartyId, 'DE')))\""));

        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(rules.rules()).extracting(RoutingRule::backend).containsExactly("eurojust", "court-b");
        assertThat(replaced.body()).contains("\"count\":2");
        assertThat(asOperator(get(PATH)).body()).contains("eurojust 20").contains("court-b 5")
                .doesNotContain("court-a");
        assertThat(store.latest(SettingStore.Setting.BACKEND_RULES)).as("kept for a restart and the other replicas")
                .hasValueSatisfying(kept -> {
                    assertThat(kept.changedBy()).isEqualTo("operator");
                    assertThat(kept.text()).contains("eurojust 20").contains("court-b 5");
                });

        List<RoutingRule> before = rules.rules();
        Reply refused = asOperator(replace("\"archive 1 equals(ServiceName, 'EPO')\\n"
                + "court-c 3 equals(Colour, 'blue')\""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"code\":\"LB-1400\"").contains("\"line\":2")
                .contains("\"column\":").contains("line 2, column ")
                .contains("the rules in force are unchanged");
        assertThat(rules.rules()).as("the old rules stay, the good first line of the bad set too")
                .isEqualTo(before);
    }

    @Test
    void aViewerAndAnAnonymousCallerCanNeitherReadNorReplaceTheRules() {
        List<RoutingRule> before = rules.rules();
        String rulesJson = "\"intruder 99 equals(ServiceName, 'EPO')\"";

        assertThat(get(PATH).basic("viewer", "viewer-secret").send(managementPort).status()).isEqualTo(403);
        assertThat(replace(rulesJson).basic("viewer", "viewer-secret").send(managementPort).status())
                .isEqualTo(403);
        assertThat(get(PATH).send(managementPort).status()).isEqualTo(401);
        assertThat(replace(rulesJson).send(managementPort).status()).isEqualTo(401);
        assertThat(replace(rulesJson).basic("operator", "guess").send(managementPort).status()).isEqualTo(401);

        assertThat(rules.rules()).isEqualTo(before);
    }
}
