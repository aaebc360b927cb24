package eu.lexbridge.app.record;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.record.TransmissionRecordRequest;
import eu.lexbridge.core.testkit.InMemoryMessageStore;
import eu.lexbridge.core.testkit.InMemoryPayloadStore;
import eu.lexbridge.core.testkit.InMemoryTransmissionRecords;
import eu.lexbridge.core.testkit.SampleMessages;
import eu.lexbridge.record.Conversations;
import eu.lexbridge.record.StoredCaseRecord;
import eu.lexbridge.record.export.CaseExport;
import eu.lexbridge.record.timeline.CaseDeadlines;
import eu.lexbridge.record.timeline.ConversationTimeline;
import eu.lexbridge.record.transmission.TransmissionRecording;
import eu.lexbridge.trust.document.DocumentValidation;
import eu.lexbridge.trust.document.DocumentValidator;
import eu.lexbridge.trust.keys.KeyStores;
import eu.lexbridge.trust.keys.SealKey;
import eu.lexbridge.trust.pki.GeneratedPki;
import eu.lexbridge.trust.pki.SharedTestPki;
import eu.lexbridge.trust.pki.TestPki;
import eu.lexbridge.trust.port.XmlDocumentSealer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case export as a court receives it: an ASiC-E that a validator built on DSS — the connector's own document
 * validation — finds sealed, intact and trusted, over every file; a file changed or added afterwards breaks it.
 */
class CaseExportSealTest {

    private static final char[] PASSWORD = "case-export-Pa55".toCharArray();

    @TempDir
    Path dir;

    @Test
    void theExportIsAnAsicESealedOverEveryFileAndAChangeIsSeen() throws Exception {
        GeneratedPki pki = SharedTestPki.copyTo(dir.resolve("pki"), List.of("at"), PASSWORD);
        SealKey key = SealKey.fromKeyStore(KeyStores.loadPkcs12(pki.parties().get("at").sealKeyStore(), PASSWORD),
                TestPki.SEAL_ALIAS, PASSWORD);
        XmlDocumentSealer sealer = new XmlDocumentSealer(key, Clock.systemUTC());
        InMemoryMessageStore messages = new InMemoryMessageStore();
        InMemoryPayloadStore payloads = new InMemoryPayloadStore();
        InMemoryTransmissionRecords records = new InMemoryTransmissionRecords();
        ConnectorMessage sent = SampleMessages.outbound(Instant.now().minusSeconds(3600)).build();
        messages.insert(sent, "submitted");
        Conversations conversations = new Conversations(messages, records);
        StoredCaseRecord cases = new StoredCaseRecord(conversations, new TransmissionRecording(conversations,
                records, payloads, sealer, Clock.systemUTC()), records,
                new ConversationTimeline(messages, records, CaseDeadlines.NONE), payloads,
                new CaseExport(messages, payloads, sealer), SecurityEvents.logOnly(), Clock.systemUTC());
        cases.record(SampleMessages.BACKEND, new TransmissionRecordRequest(null, sent.conversationId(), null,
                Instant.now().minusSeconds(60), "AT", "DE", "data.zip", 10L, "data-size", "courier", "SHA-256",
                "ab".repeat(32), "E-EVIDENCE", "EPOC data", null, null, null));

        ByteArrayOutputStream export = new ByteArrayOutputStream();
        cases.export(SampleMessages.BACKEND, sent.conversationId()).writeTo(export);

        DocumentValidator validator = new DocumentValidator(List.of(KeyStores.readCertificate(pki.caCertificate())),
                Clock.systemUTC());
        DocumentValidation validation = validator.validate(new ByteArrayInputStream(export.toByteArray()),
                "case.asice");
        assertThat(validation.format()).isEqualTo("ASiC-E");
        assertThat(validation.allIntactAndTrusted()).isTrue();
        // DSS's own verdict on the container's form (a missing manifest is a FORMAT_FAILURE), not only the seal's
        assertThat(new String(validation.report(), StandardCharsets.UTF_8)).doesNotContain("FORMAT_FAILURE")
                .doesNotContain("BBB_FC_");
        assertThat(validation.signatures()).singleElement().satisfies(s -> {
            assertThat(s.format()).isEqualTo("XAdES_BASELINE_B");
            assertThat(s.signerSubject()).isEqualTo(key.certificate().getSubjectX500Principal().getName());
        });

        byte[] changed = rewritten(export.toByteArray(), "case.xml", "<AsOf>", "<AsOf>1999");
        assertThat(validator.validate(new ByteArrayInputStream(changed), "case.asice").allIntactAndTrusted())
                .as("case.xml changed after the seal").isFalse();
    }

    /** The container with one file's text replaced, every other entry as it was. */
    private static byte[] rewritten(byte[] container, String name, String from, String to) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(container));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replace(from, to)
                            .getBytes(StandardCharsets.UTF_8);
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                if (entry.getMethod() == ZipEntry.STORED) {
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    var crc = new java.util.zip.CRC32();
                    crc.update(bytes);
                    copy.setCrc(crc.getValue());
                }
                zip.putNextEntry(copy);
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
