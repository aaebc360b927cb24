package eu.lexbridge.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.app.LexbridgeApplication;
import eu.lexbridge.app.TestConnectorSettings;
import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.flow.EvidenceIssuer;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.MessageState;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.Hop;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.messaging.DeadLetters;
import jakarta.jms.ConnectionFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 15 item 10: the backup of operations.md ("Backup and restore") restored into a fresh connector. A connector
 * stores messages with their payloads and sealed evidences and leaves a dead letter in its broker; it is stopped and
 * its data directory copied (database, journal, payloads), as the procedure says; a second connector started on the
 * copy finds every message with its state and timeline, every payload and evidence document byte for byte (their
 * SHA-256), and the dead letter in its queue.
 */
class BackupRestoreTest {

    @TempDir
    static Path root;

    @Test
    void aConnectorRestoredFromTheBackupHasEveryMessageEvidenceAndQueuedStep() throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        TestConnectorSettings.register((name, value) -> settings.put(name, value.get()), root, "backup-token");
        settings.put("server.port", 0);
        settings.put("management.server.port", 0);
        List<ConnectorMessage> stored = new ArrayList<>();
        Map<String, String> digests = new LinkedHashMap<>();
        String stuck = UUID.randomUUID().toString();

        try (ConfigurableApplicationContext first = start(settings)) {
            MessageStore messages = first.getBean(MessageStore.class);
            PayloadStore payloads = first.getBean(PayloadStore.class);
            EvidenceIssuer issuer = first.getBean(EvidenceIssuer.class);
            for (int i = 0; i < 3; i++) {
                byte[] content = ("<epoc><n>" + i + "</n></epoc>").getBytes(StandardCharsets.UTF_8);
                PayloadRef payload = payloads.write(PayloadKind.BUSINESS_CONTENT, "messageContent", "text/xml",
                        new ByteArrayInputStream(content), 1 << 20);
                ConnectorMessage message = SampleMessages.outbound(Instant.now()).payloads(List.of(payload)).build();
                assertThat(messages.insert(message, "stored before the backup")).isTrue();
                Evidence evidence = issuer.issue(message, EvidenceType.SUBMISSION_ACCEPTANCE,
                        EvidenceIssuer.Route.WITH_SUBJECT, MessageState.ACCEPTED, null);
                stored.add(message);
                digests.put(payload.payloadId(), sha256(payloads, payload));
                digests.put(evidence.document().payloadId(), sha256(payloads, evidence.document()));
            }
            TestConnectorSettings.deadLetter(first.getBean(ConnectionFactory.class), Hop.OUTBOUND_DISPATCH, stuck);
        }

        Path backup = copy(root.resolve("data"), root.resolve("backup"));
        Path restored = copy(backup, root.resolve("restored")); // on a fresh machine: only the backup is there
        settings.put("lexbridge.connector.data-directory", restored.toString());

        try (ConfigurableApplicationContext second = start(settings)) {
            MessageStore messages = second.getBean(MessageStore.class);
            PayloadStore payloads = second.getBean(PayloadStore.class);
            for (ConnectorMessage message : stored) {
                ConnectorMessage found = messages.find(message.connectorMessageId()).orElseThrow();
                assertThat(found.state()).isEqualTo(MessageState.ACCEPTED);
                assertThat(sha256(payloads, found.payloads().get(0)))
                        .isEqualTo(digests.get(found.payloads().get(0).payloadId()));
                List<Evidence> evidences = messages.evidences(message.connectorMessageId());
                assertThat(evidences).singleElement().satisfies(evidence -> {
                    assertThat(evidence.type()).isEqualTo(EvidenceType.SUBMISSION_ACCEPTANCE);
                    assertThat(sha256(payloads, evidence.document()))
                            .isEqualTo(digests.get(evidence.document().payloadId()));
                });
                assertThat(messages.timeline(message.connectorMessageId())).extracting(e -> e.detail())
                        .contains("stored before the backup");
            }
            assertThat(second.getBean(DeadLetters.class).list(100)).extracting(DeadLetters.DeadLetter::body)
                    .containsExactly(stuck);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> settings) {
        return new SpringApplicationBuilder(LexbridgeApplication.class).run(settings.entrySet().stream()
                .map(setting -> "--" + setting.getKey() + "=" + setting.getValue()).toArray(String[]::new));
    }

    /** The bytes as the store reads them back (it checks them against their checksum), as SHA-256. */
    private static String sha256(PayloadStore payloads, PayloadRef payload) {
        try (InputStream in = payloads.open(payload)) {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        return to;
    }
}
