package eu.lexbridge.app;

import static eu.lexbridge.app.ManagementCall.get;
import static eu.lexbridge.app.ManagementCall.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import eu.lexbridge.app.ManagementCall.Reply;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.directory.routing.BackendRules;
import eu.lexbridge.directory.routing.RoutingRule;
import eu.lexbridge.messaging.DeadLetters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What operators do on the management port of a whole connector, over HTTP with the management logins, and the console
 * in a real browser (Debian's headless Chromium): the back-end routing rules and the partners changed at run time, a
 * partner held and released, a failed message resent, dead letters listed, replayed and discarded; a viewer reads but
 * changes nothing, and nobody logged in can neither read nor change. With {@code -Dlexbridge.docs.write=true} the
 * console's screenshot goes to {@code docs/images/} for the operations guide.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// phase4 allows one AS4 identity per JVM: the next whole connector starts only once this one is closed
@DirtiesContext
class ManagementOperationsTest {

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

    @Autowired
    jakarta.jms.ConnectionFactory connections;

    @Autowired
    DeadLetters deadLetters;

    @TempDir
    Path browser;

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

    /**
     * Annex I 6: a viewer reads the availability of a month, this instance's readiness as the history keeps it and the
     * outages; nobody logged in reads nothing.
     */
    @Test
    void aViewerReadsTheAvailabilityAndTheOutagesAndTheSelfChecks() {
        Reply month = get("/actuator/availability?month=2026-11").basic("viewer", "viewer-secret")
                .send(managementPort);
        assertThat(month.status()).as(month.body()).isEqualTo(200);
        assertThat(month.body()).contains("\"period\":\"2026-11\"").contains("\"maintenanceWindows\"")
                .contains("\"current\":{\"instance\"");
        Reply outages = get("/actuator/availability/outages").basic("viewer", "viewer-secret").send(managementPort);
        assertThat(outages.status()).isEqualTo(200);
        assertThat(outages.body()).contains("\"outages\":[");
        assertThat(get("/actuator/availability").send(managementPort).status()).isEqualTo(401);
        // issue 15 item 4: the AS4 receiver answers over TLS and is part of readiness; the trust data is current
        Reply readiness = get("/actuator/health/readiness").basic("viewer", "viewer-secret").send(managementPort);
        assertThat(readiness.body()).contains("\"as4Receiver\":{\"status\":\"UP\"").contains("\"tls\":true");
        assertThat(get("/actuator/health/trust").basic("viewer", "viewer-secret").send(managementPort).body())
                .contains("\"status\":\"UP\"");
        assertThat(get("/actuator/availability?month=26-11").basic("viewer", "viewer-secret").send(managementPort)
                .body()).contains("LB-1002");
    }

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

    /** Issue 15 item 2: dead letters listed, replayed and discarded by an operator; not by a viewer. */
    @Test
    void anOperatorListsReplaysAndDiscardsDeadLettersAndAViewerCannot() throws Exception {
        String first = java.util.UUID.randomUUID().toString();
        String second = java.util.UUID.randomUUID().toString();
        for (String body : List.of(first, second)) { // as the broker leaves them: the message id as the body
            TestConnectorSettings.deadLetter(connections, eu.lexbridge.core.port.Hop.OUTBOUND_SUBMITTED, body);
        }
        assertThat(get("/actuator/deadletters").basic("viewer", "viewer-secret").send(managementPort).status())
                .isEqualTo(403);

        Reply listed = asOperator(get("/actuator/deadletters"));
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        String firstId = jmsIdOf(listed.body(), first);
        String secondId = jmsIdOf(listed.body(), second);
        assertThat(listed.body()).contains("\"queue\":\"lexbridge.outbound.submitted\"");

        String replayPath = "/actuator/deadletters/lexbridge.outbound.submitted/" + firstId.replace(":", "%3A");
        assertThat(post(replayPath, JSON, "{}").basic("viewer", "viewer-secret").send(managementPort).status())
                .isEqualTo(403);
        Reply replayed = asOperator(post(replayPath, JSON, "{}"));
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(replayed.body()).contains("\"id\":\"" + first + "\"").contains("put back on");
        Reply again = asOperator(post(replayPath, JSON, "{}"));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.body()).contains("\"code\":\"LB-1105\"");
        // audited, in the audit log's own file as well
        assertThat(root.resolve("data/logs/audit.log")).content()
                .contains("operator operator replayed dead letter " + firstId + " of lexbridge.outbound.submitted");
        Reply discarded = asOperator(ManagementCall.delete("/actuator/deadletters/lexbridge.outbound.submitted/"
                + secondId.replace(":", "%3A")));
        assertThat(discarded.status()).as(discarded.body()).isEqualTo(200);
        assertThat(asOperator(get("/actuator/deadletters")).body()).doesNotContain(first).doesNotContain(second);

        Reply badQueue = asOperator(ManagementCall.delete("/actuator/deadletters/DLQ.nowhere/ID%3Aabc"));
        assertThat(badQueue.status()).isEqualTo(400);
        assertThat(badQueue.body()).contains("\"code\":\"LB-1002\"").contains("\"field\":\"queue\"");
    }

    /** The broker's id of the dead letter that carries {@code body}, from a listing. */
    private static String jmsIdOf(String listing, String body) {
        var match = java.util.regex.Pattern.compile("\"jmsMessageId\":\"(ID:[^\"]+)\",\"id\":\"" + body + "\"")
                .matcher(listing);
        assertThat(match.find()).as(listing).isTrue();
        return match.group(1);
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

    @Test
    void anOperatorFindsAMessageWithItsTimelineAndReplaysADeadLetter() throws Exception {
        assumeTrue(Chromium.installed(), "Debian's chromium and chromium-driver are not installed (.ci/run "
                + "installs them): the console is not tried in a browser here");
        ConnectorMessage sent = SampleMessages.outbound(Instant.now()).conversationId("case-2026-417").build();
        messages.insert(sent, "submitted by the test");
        messages.advance(sent.connectorMessageId(), MessageState.ACCEPTED, "accepted by the test", Instant.now());
        String stuck = UUID.randomUUID().toString();
        TestConnectorSettings.deadLetter(connections, Hop.OUTBOUND_SUBMITTED, stuck);

        try (Chromium chromium = new Chromium(browser.resolve("profile"))) {
            chromium.open(console("operator:operator-secret"));

            assertThat(chromium.textOf("#health tbody", text -> text.contains("db"))).contains("jms")
                    .contains("partners").contains("certificates");
            assertThat(chromium.textOf("#queues tbody", text -> text.contains("DLQ.lexbridge.outbound.submitted")))
                    .contains("lexbridge.outbound.dispatch");
            assertThat(chromium.textOf("#partners tbody", text -> text.contains("de-court"))).contains("no");
            assertThat(chromium.textOf("#certificates tbody", text -> text.contains("self/as4")))
                    .contains("de-court/as4").contains("self/tls");
            assertThat(chromium.textOf("#deadletters tbody", text -> text.contains(stuck)))
                    .contains("lexbridge.outbound.submitted");

            chromium.type("#search input[name=conversation]", "case-2026-417");
            chromium.click("#search button[type=submit]");
            chromium.textOf("#messages tbody", text -> text.contains(sent.connectorMessageId().toString())
                    && !text.contains("\n"));
            chromium.click("#messages tbody tr");
            assertThat(chromium.textOf("#timeline tbody", text -> text.contains("ACCEPTED"))).contains("SUBMITTED")
                    .contains("accepted by the test");
            assertThat(chromium.textOf("#message-facts", text -> text.contains("case-2026-417")))
                    .contains(sent.ebmsMessageId());
            screenshot(chromium, "console.png");

            chromium.click("#deadletters tbody button");
            chromium.textOf("#deadletters tbody", text -> !text.contains(stuck));
            assertThat(deadLetters.list(100)).extracting(DeadLetters.DeadLetter::body).doesNotContain(stuck);
        }
    }

    @Test
    void aViewerSeesTheConsoleButNotTheDeadLetters() throws Exception {
        assumeTrue(Chromium.installed(), "Debian's chromium and chromium-driver are not installed (.ci/run "
                + "installs them): the console is not tried in a browser here");
        try (Chromium chromium = new Chromium(browser.resolve("profile"))) {
            chromium.open(console("viewer:viewer-secret"));

            assertThat(chromium.textOf("#deadletters-problem", text -> !text.isBlank())).contains("403");
            assertThat(chromium.textOf("#health tbody", text -> text.contains("db"))).contains("partners")
                    .contains("as4Receiver").contains("trust");
            String month = java.time.YearMonth.now(java.time.ZoneId.of("Europe/Brussels")).toString();
            assertThat(chromium.textOf("#availability tbody", text -> text.contains(month))).contains(month);
        }
    }

    private String console(String login) {
        return "http://" + login + "@127.0.0.1:" + managementPort + "/actuator/console";
    }

    private static void screenshot(Chromium chromium, String name) throws Exception {
        chromium.screenshot(Path.of("target", "console", name));
        if (Boolean.getBoolean("lexbridge.docs.write")) {
            chromium.screenshot(Path.of("..", "docs", "images", name));
        }
    }
}
