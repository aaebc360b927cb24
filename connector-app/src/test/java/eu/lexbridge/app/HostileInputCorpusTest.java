package eu.lexbridge.app;

import static eu.lexbridge.app.ManagementCall.get;
import static eu.lexbridge.app.ManagementCall.post;
import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.ManagementCall.Reply;
import eu.lexbridge.app.management.ManagementProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hostile-input corpus of connector-app (issue 8): one row per class of hostile input at an entry point of this
 * module, the answer expected, and that nothing changed.
 *
 * <p>Management port (one whole connector, real HTTP on loopback, real bcrypt logins, real RS256 tokens checked
 * against a JWK set served on loopback): each row is a call as an attacker, a web page in an operator's browser, a
 * viewer or an operator would make it; it must get the status (and Jolokia status) of the row, never echo an origin,
 * never show a stack trace, leave every Camel route as it was and write no heap dump; refusals of a caller who
 * presented something (a password, a token, an origin, a host) are counted as {@code MANAGEMENT_ACCESS_REFUSED}.
 *
 * <p>Configuration of the management port: each row is a setting that would weaken it; start-up must stop with a
 * sentence naming the key, and never repeat the password.
 */
@SpringBootTest(classes = LexbridgeApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
// phase4 allows one AS4 identity per JVM: the next whole connector starts only once this one is closed
@DirtiesContext
class HostileInputCorpusTest {

    private static final String TOKEN = "corpus-test-token";
    /** bcrypt (cost 4, tests only) of {@code viewer-secret} and {@code operator-secret}. */
    private static final String VIEWER_HASH = "{bcrypt}$2a$04$UPPZdFEzfxthYtXYBAV1v.mxEOUBixCB9IHel.bAT0e9lKKk05gc2";
    private static final String OPERATOR_HASH = "{bcrypt}$2a$04$QjSAnC775FH5GhjdntQMfeMrKffDbYY8wd9BSiVyrS/upAkSvfQTm";
    private static final String ROUTE = "org.apache.camel:context=lexbridge,type=routes,name=\"stalled-work-sweep\"";
    private static final String READ_ROUTE_STATE = "/actuator/jolokia/read/"
            + ROUTE.replace("\"", "%22") + "/State";
    private static final String JOLOKIA = "/actuator/jolokia";
    private static final String JSON = "application/json";
    private static final String FOREIGN_ORIGIN = "http://attacker.example";
    private static final LoopbackIdentityProvider IDP = new LoopbackIdentityProvider();
    private static final String OPERATOR_ROLES = "[\"lexbridge-operator\"]";
    private static final String VIEWER_ROLES = "[\"lexbridge-viewer\"]";

    @TempDir
    static Path root;

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    CamelContext camel;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void connector(DynamicPropertyRegistry registry) {
        TestConnectorSettings.register(registry, root, TOKEN);
        registry.add("lexbridge.management.users[0].name", () -> "viewer");
        registry.add("lexbridge.management.users[0].password-hash", () -> VIEWER_HASH);
        registry.add("lexbridge.management.users[0].role", () -> "viewer");
        registry.add("lexbridge.management.users[1].name", () -> "operator");
        registry.add("lexbridge.management.users[1].password-hash", () -> OPERATOR_HASH);
        registry.add("lexbridge.management.users[1].role", () -> "operator");
        registry.add("lexbridge.management.identity-provider.jwk-set-uri", IDP::jwkSetUri);
        registry.add("lexbridge.management.identity-provider.audience", () -> LoopbackIdentityProvider.AUDIENCE);
    }

    @AfterAll
    static void stopIdentityProvider() {
        IDP.close();
    }

    /**
     * @param status the HTTP status
     * @param jolokiaStatus the status inside Jolokia's JSON answer, 0 when not a Jolokia answer
     * @param contains text the answer must contain, or null
     * @param absent text the answer must not contain, or null
     * @param counted whether the refusal is a security event
     */
    record Expected(int status, int jolokiaStatus, String contains, String absent, boolean counted) {
    }

    static Stream<Arguments> management() {
        String stop = exec(ROUTE, "stop()", "");
        Path dump = root.resolve("heap.hprof");
        return Stream.of(
                // Nobody logged in: everything closed but the health status and the probes
                row("no credentials: Jolokia read", get(READ_ROUTE_STATE), http(401, false)),
                row("no credentials: Jolokia exec stops a route", post(JOLOKIA, JSON, stop), http(401, false)),
                row("no credentials: Hawtio console", get("/actuator/hawtio/"), http(401, false)),
                row("no credentials: Prometheus scrape", get("/actuator/prometheus"), http(401, false)),
                row("no credentials: metrics", get("/actuator/metrics"), http(401, false)),
                row("no credentials: info", get("/actuator/info"), http(401, false)),
                row("no credentials: health status stays open, without details", get("/actuator/health"),
                        new Expected(200, 0, "\"status\":\"UP\"", "components", false)),
                row("no credentials: liveness probe stays open", get("/actuator/health/liveness"),
                        new Expected(200, 0, "UP", null, false)),
                row("no credentials: readiness probe stays open", get("/actuator/health/readiness"),
                        new Expected(200, 0, "UP", null, false)),
                // Wrong credentials
                row("operator's name with a wrong password", get(READ_ROUTE_STATE).basic("operator", "guess"),
                        http(401, true)),
                row("unknown user name", get(READ_ROUTE_STATE).basic("admin", "admin"), http(401, true)),
                row("user name with a line break (log forging)",
                        get(READ_ROUTE_STATE).basic("operator\nWARN forged", "x"), http(401, true)),
                row("plain-text password hash sent as the password", get(READ_ROUTE_STATE)
                        .basic("operator", OPERATOR_HASH), http(401, true)),
                // A viewer reads but changes nothing
                row("viewer reads a route's state", get(READ_ROUTE_STATE).basic("viewer", "viewer-secret"),
                        new Expected(200, 200, "Started", null, false)),
                row("viewer scrapes Prometheus", get("/actuator/prometheus").basic("viewer", "viewer-secret"),
                        new Expected(200, 0, "lexbridge_security_events_total", null, false)),
                row("viewer sees health details", get("/actuator/health").basic("viewer", "viewer-secret"),
                        new Expected(200, 0, "components", null, false)),
                row("viewer opens Hawtio", get("/actuator/hawtio/").basic("viewer", "viewer-secret"),
                        new Expected(200, 0, null, null, false)),
                // The console and what it calls: viewers read, with bounded, checked values; operators act
                row("no credentials: the console", get("/actuator/console"), http(401, false)),
                row("no credentials: message search", get("/actuator/messages"), http(401, false)),
                row("viewer opens the console", get("/actuator/console").basic("viewer", "viewer-secret"),
                        new Expected(200, 0, "console/console.js", null, false)),
                row("viewer asks the console for a file it does not serve", get("/actuator/console/application.yml")
                        .basic("viewer", "viewer-secret"), new Expected(404, 0, null, "lexbridge", false)),
                row("viewer searches with a huge limit", get("/actuator/messages?limit=99999999999")
                        .basic("viewer", "viewer-secret"), new Expected(400, 0, "LB-1002", null, false)),
                row("viewer searches with SQL in the state", get("/actuator/messages?state=x%27%20or%201=1--")
                        .basic("viewer", "viewer-secret"), new Expected(400, 0, "\"field\":\"state\"", null, false)),
                row("viewer searches with SQL in the conversation (bound, finds nothing)",
                        get("/actuator/messages?conversation=x%27%20or%20%271%27=%271").basic("viewer", "viewer-secret"),
                        new Expected(200, 0, "\"count\":0", null, false)),
                row("viewer searches by a value with a line break (log forging)",
                        get("/actuator/messages?backend=a%0AWARN%20forged").basic("viewer", "viewer-secret"),
                        new Expected(400, 0, "\"field\":\"backend\"", null, false)),
                row("viewer asks for a message by a made-up id", get("/actuator/messages/no-such-id")
                        .basic("viewer", "viewer-secret"), new Expected(404, 0, "LB-1100", null, false)),
                row("viewer replays a dead letter", post("/actuator/deadletters/lexbridge.outbound.dispatch/ID%3Aabc",
                        JSON, "{}").basic("viewer", "viewer-secret"), http(403, true)),
                row("operator discards by a selector that would match every dead letter",
                        ManagementCall.delete("/actuator/deadletters/lexbridge.outbound.dispatch/"
                                + "ID%3Ax%27%20OR%20JMSMessageID%20IS%20NOT%20NULL%20OR%20%27x")
                                .basic("operator", "operator-secret"),
                        new Expected(400, 0, "\"field\":\"jmsMessageId\"", null, false)),
                row("viewer stops a route (Jolokia exec)", post(JOLOKIA, JSON, stop).basic("viewer", "viewer-secret"),
                        jolokia(403)),
                row("viewer stops a route through a GET URL", get(JOLOKIA + "/exec/" + ROUTE.replace("\"", "%22")
                        + "/stop()").basic("viewer", "viewer-secret"), http(403, true)),
                row("viewer writes an attribute", post(JOLOKIA, JSON, write("java.lang:type=Memory", "Verbose", "true"))
                        .basic("viewer", "viewer-secret"), jolokia(403)),
                // An operator runs route and queue operations only
                row("operator loads a JVM agent (DiagnosticCommand jvmtiAgentLoad)", post(JOLOKIA, JSON,
                        exec("com.sun.management:type=DiagnosticCommand", "jvmtiAgentLoad([Ljava.lang.String;)",
                                "[[\"/tmp/agent.so\"]]")).basic("operator", "operator-secret"), jolokia(403)),
                row("operator dumps the heap (HotSpotDiagnostic dumpHeap)", post(JOLOKIA, JSON,
                        exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap",
                                "[\"" + dump + "\",true]")).basic("operator", "operator-secret"), jolokia(403)),
                row("operator dumps the heap (DiagnosticCommand gcHeapDump)", post(JOLOKIA, JSON,
                        exec("com.sun.management:type=DiagnosticCommand", "gcHeapDump([Ljava.lang.String;)",
                                "[[\"" + dump + "\"]]")).basic("operator", "operator-secret"), jolokia(403)),
                row("operator sets a VM option (HotSpotDiagnostic setVMOption)", post(JOLOKIA, JSON,
                        exec("com.sun.management:type=HotSpotDiagnostic", "setVMOption",
                                "[\"HeapDumpOnOutOfMemoryError\",\"true\"]")).basic("operator", "operator-secret"),
                        jolokia(403)),
                row("operator reads the JVM's system properties (passwords on the command line)",
                        get("/actuator/jolokia/read/java.lang:type=Runtime/SystemProperties")
                                .basic("operator", "operator-secret"), jolokia(403)),
                row("operator loads Camel routes from XML", post(JOLOKIA, JSON,
                        exec("org.apache.camel:context=lexbridge,type=context,name=\"lexbridge\"",
                                "addOrUpdateRoutesFromXml(java.lang.String)", "[\"<routes/>\"]"))
                                .basic("operator", "operator-secret"), jolokia(403)),
                row("operator writes a JVM attribute", post(JOLOKIA, JSON, write("java.lang:type=Memory", "Verbose",
                        "true")).basic("operator", "operator-secret"), jolokia(403)),
                // A web page in the operator's browser (credentials remembered) or a rebound host name
                row("page on another origin reads (operator's credentials remembered)", get(READ_ROUTE_STATE)
                        .basic("operator", "operator-secret").header("Origin", FOREIGN_ORIGIN), http(403, true)),
                row("page on another origin: text/plain POST stops a route (no preflight)",
                        post(JOLOKIA, "text/plain", stop).basic("operator", "operator-secret")
                                .header("Origin", FOREIGN_ORIGIN), http(403, true)),
                row("page on another origin: text/plain POST without credentials",
                        post(JOLOKIA, "text/plain", stop).header("Origin", FOREIGN_ORIGIN), http(403, true)),
                row("page on another origin: CORS preflight", new ManagementCall("OPTIONS", JOLOKIA, Map.of(), null)
                        .header("Origin", FOREIGN_ORIGIN).header("Access-Control-Request-Method", "POST"),
                        http(403, true)),
                row("page with an opaque origin (Origin: null)", post(JOLOKIA, "text/plain", stop)
                        .basic("operator", "operator-secret").header("Origin", "null"), http(403, true)),
                row("page on another loopback port (same site, other origin)", post(JOLOKIA, "text/plain", stop)
                        .basic("operator", "operator-secret").header("Origin", "http://127.0.0.1:1"),
                        http(403, true)),
                row("image tag on another site (no Origin, Sec-Fetch-Site: cross-site)", get(JOLOKIA + "/exec/"
                        + ROUTE.replace("\"", "%22") + "/stop()").basic("operator", "operator-secret")
                        .header("Sec-Fetch-Site", "cross-site"), http(403, true)),
                row("image tag in an old browser (no Origin, no Sec-Fetch-Site): GET exec with remembered "
                        + "credentials", get(JOLOKIA + "/exec/" + ROUTE.replace("\"", "%22") + "/stop()")
                        .basic("operator", "operator-secret"), http(403, true)),
                row("the same through Jolokia's p= parameter", get(JOLOKIA + "?p=/exec/" + ROUTE.replace("\"", "%22")
                        .replace("=", "%3D").replace(",", "%2C") + "/stop()").basic("operator", "operator-secret"),
                        http(403, true)),
                row("a GET write", get(JOLOKIA + "/write/java.lang:type%3DMemory/Verbose/true")
                        .basic("operator", "operator-secret"), http(403, true)),
                row("DNS rebinding: Host names the attacker's domain", get(READ_ROUTE_STATE)
                        .basic("operator", "operator-secret").header("Host", "rebind.attacker.example:9090"),
                        http(403, true)),
                row("DNS rebinding without credentials", post(JOLOKIA, "text/plain", stop)
                        .header("Host", "rebind.attacker.example"), http(403, true)),
                // Bearer tokens from the identity provider
                row("identity-provider token, viewer: reads", get(READ_ROUTE_STATE)
                        .bearer(IDP.token("vera", VIEWER_ROLES)), new Expected(200, 200, "Started", null, false)),
                row("identity-provider token, viewer: stops a route", post(JOLOKIA, JSON, stop)
                        .bearer(IDP.token("vera", VIEWER_ROLES)), jolokia(403)),
                row("identity-provider token, operator: dumps the heap", post(JOLOKIA, JSON,
                        exec("com.sun.management:type=HotSpotDiagnostic", "dumpHeap", "[\"" + dump + "\",true]"))
                        .bearer(IDP.token("otto", OPERATOR_ROLES)), jolokia(403)),
                row("expired token", get(READ_ROUTE_STATE).bearer(IDP.expiredToken("otto", OPERATOR_ROLES)),
                        http(401, true)),
                row("token signed by a key the provider never published", get(READ_ROUTE_STATE)
                        .bearer(IDP.foreignSignedToken("otto", OPERATOR_ROLES)), http(401, true)),
                row("token for another audience", get(READ_ROUTE_STATE)
                        .bearer(IDP.tokenForAnotherAudience("otto", OPERATOR_ROLES)), http(401, true)),
                row("unsigned token (alg none)", get(READ_ROUTE_STATE)
                        .bearer(IDP.unsignedToken("otto", OPERATOR_ROLES)), http(401, true)),
                row("token that is no JWT", get(READ_ROUTE_STATE).bearer("not-a-jwt"), http(401, true)),
                row("valid token without a management role", get(READ_ROUTE_STATE)
                        .bearer(IDP.token("mallory", "[\"other-app-admin\"]")), http(403, true)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("management")
    void management(String input, ManagementCall call, Expected expected) {
        Map<String, String> routes = routeStates();
        double refused = refusedCount();

        Reply reply = call.send(managementPort);

        assertThat(reply.status()).as(input + ": " + reply.body()).isEqualTo(expected.status());
        if (expected.jolokiaStatus() != 0) {
            assertThat(reply.body()).as(input).contains("\"status\":" + expected.jolokiaStatus());
        }
        if (expected.contains() != null) {
            assertThat(reply.body()).as(input).contains(expected.contains());
        }
        if (expected.absent() != null) {
            assertThat(reply.body()).as(input).doesNotContain(expected.absent());
        }
        assertThat(reply.headers()).as("no origin echoed").doesNotContainKey("access-control-allow-origin");
        assertThat(reply.body()).as("no stack trace").doesNotContain("\tat ").doesNotContain("stacktrace");
        assertThat(routeStates()).as("no route changed").isEqualTo(routes);
        assertThat(root.resolve("heap.hprof")).as("no heap dump").doesNotExist();
        if (expected.counted()) {
            assertThat(refusedCount()).as("counted as a security event").isGreaterThan(refused);
        } else {
            assertThat(refusedCount()).as("not a security event").isEqualTo(refused);
        }
    }

    /** Configuration of the management port: a bad value stops start-up with a sentence naming the key. */
    static Stream<Arguments> configuration() {
        String users = "lexbridge.management.users[0].";
        return Stream.of(
                Arguments.of("plain-text password", new String[] {users + "name=ops", users + "password-hash=changeit",
                        users + "role=OPERATOR"}, "lexbridge.management.users[0].password-hash"),
                Arguments.of("{noop} password", new String[] {users + "name=ops",
                        users + "password-hash={noop}changeit-changeit-changeit", users + "role=OPERATOR"},
                        "lexbridge.management.users[0].password-hash"),
                Arguments.of("unsalted MD5 digest", new String[] {users + "name=ops",
                        users + "password-hash={MD5}5ebe2294ecd0e0f08eab7690d2a6ee69", users + "role=OPERATOR"},
                        "lexbridge.management.users[0].password-hash"),
                Arguments.of("truncated bcrypt hash", new String[] {users + "name=ops",
                        users + "password-hash=" + OPERATOR_HASH.substring(0, 40), users + "role=OPERATOR"},
                        "lexbridge.management.users[0].password-hash"),
                Arguments.of("unknown role", new String[] {users + "name=ops", users + "password-hash=" + OPERATOR_HASH,
                        users + "role=root"}, "lexbridge.management.users[0].role"),
                Arguments.of("one name for two users", new String[] {users + "name=ops",
                        users + "password-hash=" + OPERATOR_HASH, users + "role=OPERATOR",
                        "lexbridge.management.users[1].name=OPS", "lexbridge.management.users[1].password-hash="
                        + VIEWER_HASH, "lexbridge.management.users[1].role=VIEWER"},
                        "lexbridge.management.users[1].name"),
                Arguments.of("any origin allowed", new String[] {"lexbridge.management.allowed-origins=*"},
                        "lexbridge.management.allowed-origins[0]"),
                Arguments.of("an origin with a path", new String[] {
                        "lexbridge.management.allowed-origins=https://console.example.eu/app"},
                        "lexbridge.management.allowed-origins[0]"),
                Arguments.of("identity provider without its keys", new String[] {
                        "lexbridge.management.identity-provider.audience=lexbridge"},
                        "lexbridge.management.identity-provider"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("configuration")
    void configuration(String input, String[] settings, String key) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
                .withUserConfiguration(ManagementSettings.class)
                .withPropertyValues(settings)
                .run(context -> {
                    assertThat(context).as(input).hasFailed();
                    assertThat(messages(context.getStartupFailure())).as(input).contains(key)
                            .doesNotContain("changeit");
                });
    }

    /** Not a {@code @Configuration}: the application's component scan would take it into the connector above. */
    @EnableConfigurationProperties(ManagementProperties.class)
    static class ManagementSettings {
    }

    /** What start-up reports: the message of the failure and of each of its causes. */
    private static String messages(Throwable failure) {
        var all = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            all.append(cause.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void anOperatorStopsAndStartsARouteFromTheConsoleAndWithAToken() {
        String route = "stalled-work-sweep";
        // As Hawtio does: a POST from the console's own origin, with the operator's login
        String self = "http://127.0.0.1:" + managementPort;
        Reply stopped = post(JOLOKIA, JSON, exec(ROUTE, "stop()", "")).basic("operator", "operator-secret")
                .header("Origin", self).header("Sec-Fetch-Site", "same-origin").send(managementPort);
        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.body()).contains("\"status\":200");
        assertThat(camel.getRouteController().getRouteStatus(route).isStopped()).isTrue();

        Reply started = post(JOLOKIA, JSON, exec(ROUTE, "start()", ""))
                .bearer(IDP.token("otto", OPERATOR_ROLES)).send(managementPort);
        assertThat(started.body()).contains("\"status\":200");
        assertThat(camel.getRouteController().getRouteStatus(route).isStarted()).isTrue();
    }

    @Test
    void hawtioDefersToTheManagementLogin() {
        Reply anonymous = get("/actuator/hawtio/").send(managementPort);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().get("www-authenticate")).contains("Basic realm=\"LexBridge management\"");
        Reply console = get("/actuator/hawtio/").basic("viewer", "viewer-secret").send(managementPort);
        assertThat(console.status()).isEqualTo(200);
        assertThat(console.body()).containsIgnoringCase("hawtio");
        assertThat(console.headers()).as("no session cookie to ride").doesNotContainKey("set-cookie");
        // Hawtio's own calls go through the same login and the same Jolokia policy
        Reply read = post("/actuator/hawtio/jolokia", JSON, "{\"type\":\"version\"}")
                .basic("viewer", "viewer-secret").send(managementPort);
        assertThat(read.body()).contains("\"status\":200");
        Reply stop = post("/actuator/hawtio/jolokia", JSON, exec(ROUTE, "stop()", ""))
                .basic("viewer", "viewer-secret").send(managementPort);
        assertThat(stop.body()).contains("\"status\":403");
        assertThat(camel.getRouteController().getRouteStatus("stalled-work-sweep").isStarted()).isTrue();
    }

    @Test
    void thePublicPortKeepsItsOwnRulesAndHasNoManagementEndpoints() throws Exception {
        HttpClient client = tlsClient();
        var management = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                + "/actuator/jolokia")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(management.statusCode()).isEqualTo(404);
        // The management guard is not on the public port: a back-end's call with any Origin works as before
        var inbox = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                        + "/api/v1/messages/inbox")).header("Authorization", "Bearer " + TOKEN)
                .header("Origin", FOREIGN_ORIGIN).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(inbox.statusCode()).isEqualTo(200);
        var noToken = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + port
                + "/api/v1/messages/inbox")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).doesNotContain("LexBridge management"));
    }

    private static Arguments row(String input, ManagementCall call, Expected expected) {
        return Arguments.of(input, call, expected);
    }

    private static Expected http(int status, boolean counted) {
        return new Expected(status, 0, null, null, counted);
    }

    private static Expected jolokia(int status) {
        return new Expected(200, status, null, null, true);
    }

    private static String exec(String mbean, String operation, String arguments) {
        return "{\"type\":\"exec\",\"mbean\":\"" + mbean.replace("\"", "\\\"") + "\",\"operation\":\"" + operation
                + "\"" + (arguments.isEmpty() ? "" : ",\"arguments\":" + arguments) + "}";
    }

    private static String write(String mbean, String attribute, String value) {
        return "{\"type\":\"write\",\"mbean\":\"" + mbean + "\",\"attribute\":\"" + attribute + "\",\"value\":"
                + value + "}";
    }

    private Map<String, String> routeStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (Route route : camel.getRoutes()) {
            states.put(route.getRouteId(), camel.getRouteController().getRouteStatus(route.getRouteId()).name());
        }
        return states;
    }

    private double refusedCount() {
        Counter counter = meters.find("lexbridge.security.events").tag("kind", "MANAGEMENT_ACCESS_REFUSED").counter();
        return counter == null ? 0 : counter.count();
    }

    private static HttpClient tlsClient() throws Exception {
        return TestConnectorSettings.httpsClient(root);
    }
}
