package eu.lexbridge.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Hostile or mistaken configuration (issue 8, Deliver 8): each row is one value; the answer is that the connector does
 * not start, with a sentence naming the key — nothing runs half-configured.
 */
class ConfigurationHostileInputCorpusTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(PropertiesValidationTest.Properties.class)
            .withPropertyValues("lexbridge.connector.party-id=at", "lexbridge.connector.ebms-id-domain=at.example",
                    "lexbridge.connector.default-backend=cms", "lexbridge.evidence.trust-store=trust.p12",
                    "lexbridge.evidence.trust-store-password=x", "lexbridge.evidence.seal.key-store=seal.p12",
                    "lexbridge.evidence.seal.key-store-password=x");

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("party id with a line break (forged log lines, broken ebMS headers)",
                        "lexbridge.connector.party-id=AT\nWARN forged", "partyId", "line breaks"),
                Arguments.of("party id type with a control character",
                        "lexbridge.connector.party-id-type=urn:x\u0000y", "partyIdType", "control characters"),
                Arguments.of("role with a line break", "lexbridge.connector.role=G\r\nW", "role", "line breaks"),
                Arguments.of("default back-end with a line break", "lexbridge.connector.default-backend=cms\nx",
                        "defaultBackend", "line breaks"),
                Arguments.of("ebMS id domain with a line break", "lexbridge.connector.ebms-id-domain=at.example\nx",
                        "ebmsIdDomain", "must be a domain name"),
                Arguments.of("ebMS id domain with an @ (ids that parse as two)",
                        "lexbridge.connector.ebms-id-domain=a@b", "ebmsIdDomain", "must be a domain name"),
                Arguments.of("a negative payload size", "lexbridge.connector.max-payload-size=-1MB",
                        "maxPayloadSizePositive", "max-payload-size must be positive"),
                Arguments.of("a payload size of zero", "lexbridge.connector.max-payload-size=0",
                        "maxPayloadSizePositive", "max-payload-size must be positive"),
                Arguments.of("no retry delay", "lexbridge.routes.first-retry-delay=0s", "retryDelaySound",
                        "first-retry-delay must be positive"),
                Arguments.of("a trusted-list location over LDAP",
                        "lexbridge.document-validation.trusted-lists.lotl-url=ldap://lists.example/lotl",
                        "lexbridge.document-validation", "lotl-url must be an https:, http: or file: URL"),
                Arguments.of("a trusted-list location inside a jar",
                        "lexbridge.document-validation.trusted-lists.lotl-url=jar:file:/x.jar!/lotl.xml",
                        "lexbridge.document-validation", "lotl-url must be an https:, http: or file: URL"),
                Arguments.of("a seal key from a file and a token at once",
                        "lexbridge.evidence.seal.pkcs11.library=/usr/lib/softhsm/libsofthsm2.so",
                        "lexbridge.evidence", "pkcs11"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void doesNotStartAndNamesTheKey(String input, String property, String key, String sentence) {
        runner.withPropertyValues(property).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining(key)
                    .hasMessageContaining(sentence);
        });
    }
}
