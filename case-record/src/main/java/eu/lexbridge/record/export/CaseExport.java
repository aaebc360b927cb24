package eu.lexbridge.record.export;

import eu.lexbridge.core.evidence.Evidence;
import eu.lexbridge.core.message.ConnectorMessage;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.MessageStore;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.port.Sealer;
import eu.lexbridge.core.port.Sealer.SealedFile;
import eu.lexbridge.core.record.CaseDeadline;
import eu.lexbridge.core.record.CaseTimeline;
import eu.lexbridge.core.record.TransmissionRecord;
import eu.lexbridge.record.XmlWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A case as one file a court can file: an ASiC-E container (ETSI EN 319 162-1) holding the conversation's timeline
 * with its time limits ({@value #CASE}), each message's metadata (no payload content), every evidence as the XML it
 * was issued or received as, every recorded transmission as its sealed record — and one seal of the connector over
 * all of them ({@code META-INF/signatures.xml}), so that nothing can be added, left out or changed unseen. Written
 * as a stream: each file passes once, and only its digest is kept until the seal.
 */
public final class CaseExport {

    public static final String MIME_TYPE = "application/vnd.etsi.asic-e+zip";
    public static final String NAMESPACE = "urn:lexbridge:case-record:export:1";
    static final String CASE = "case.xml";
    static final String SIGNATURES = "META-INF/signatures.xml";
    static final String MANIFEST = "META-INF/manifest.xml";
    private static final String XML = "application/xml";

    private final MessageStore messages;
    private final PayloadStore payloads;
    private final Sealer sealer;

    public CaseExport(MessageStore messages, PayloadStore payloads, Sealer sealer) {
        this.messages = messages;
        this.payloads = payloads;
        this.sealer = sealer;
    }

    /**
     * @param timeline the conversation as its back-end sees it
     * @param own the back-end's business messages of it, oldest first
     */
    public void write(CaseTimeline timeline, List<ConnectorMessage> own, OutputStream out) throws IOException {
        List<SealedFile> sealed = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(new NotClosing(out), StandardCharsets.UTF_8);
        mimetype(zip);
        List<String> evidenceFiles = new ArrayList<>();
        for (ConnectorMessage message : own) {
            List<Evidence> evidences = messages.evidences(message.connectorMessageId());
            sealed.add(entry(zip, "messages/" + message.connectorMessageId() + ".xml", XML,
                    MessageDocument.write(message, evidences)));
            for (Evidence evidence : evidences) {
                String name = "evidences/" + message.connectorMessageId() + "/" + evidence.type() + "-"
                        + evidence.origin().name().toLowerCase(Locale.ROOT) + ".xml";
                try (InputStream document = payloads.open(evidence.document())) {
                    sealed.add(entry(zip, name, XML, document));
                }
                evidenceFiles.add(name);
            }
        }
        for (TransmissionRecord record : timeline.records()) {
            PayloadRef document = record.document();
            try (InputStream in = payloads.open(document)) {
                sealed.add(entry(zip, "records/" + record.recordId() + ".xml", XML, in));
            }
        }
        sealed.add(entry(zip, CASE, XML, caseDocument(timeline, own, evidenceFiles)));
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(manifest(sealed));
        zip.closeEntry();
        byte[] signatures = sealer.sealFiles(sealed, "the export of conversation " + timeline.conversationId());
        zip.putNextEntry(new ZipEntry(SIGNATURES));
        zip.write(signatures);
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    private byte[] caseDocument(CaseTimeline timeline, List<ConnectorMessage> own, List<String> evidenceFiles) {
        XmlWriter xml = new XmlWriter("Case", NAMESPACE)
                .element("Conversation", timeline.conversationId())
                .element("AsOf", timeline.asOf())
                .element("SealedBy", sealer.description());
        xml.start("Messages");
        own.forEach(m -> xml.element("Message", "messages/" + m.connectorMessageId() + ".xml", "id",
                m.connectorMessageId()));
        xml.end().start("Evidences");
        evidenceFiles.forEach(name -> xml.element("Evidence", name));
        xml.end().start("Records");
        timeline.records().forEach(r -> xml.element("Record", "records/" + r.recordId() + ".xml", "id",
                r.recordId()));
        xml.end().start("Timeline");
        for (CaseTimeline.Entry entry : timeline.entries()) {
            xml.start("Entry").attribute("at", entry.at()).attribute("kind", entry.kind())
                    .attribute("subject", entry.subject())
                    .element("Title", entry.title()).element("Detail", entry.detail()).end();
        }
        xml.end().start("TimeLimits");
        for (CaseDeadline d : timeline.deadlines()) {
            xml.start("TimeLimit").attribute("id", d.id()).attribute("status", d.status())
                    .attribute("late", d.late() ? "true" : null)
                    .element("Title", d.title()).element("Source", d.source()).element("Actor", d.actor())
                    .element("StartedBy", d.messageId()).element("StartedAt", d.startedAt())
                    .element("DueAt", d.dueAt()).element("ClosedAt", d.closedAt()).end();
        }
        xml.end();
        return xml.toBytes();
    }

    /**
     * The OpenDocument manifest an ASiC-E lists its files in (EN 319 162-1 A.4); validators built on DSS refuse an
     * ASiC-E with XAdES without one. Our entry names are ids and fixed words: nothing in them needs escaping.
     */
    private static byte[] manifest(List<SealedFile> files) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" \
                manifest:version="1.2">
                  <manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>
                """.formatted(MIME_TYPE));
        files.forEach(file -> xml.append("  <manifest:file-entry manifest:full-path=\"").append(file.name())
                .append("\" manifest:media-type=\"").append(file.mimeType()).append("\"/>\n"));
        return xml.append("</manifest:manifest>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** First and stored, so that a reader knows the container from its first bytes (EN 319 162-1 A.1). */
    private static void mimetype(ZipOutputStream zip) throws IOException {
        byte[] bytes = MIME_TYPE.getBytes(StandardCharsets.US_ASCII);
        ZipEntry entry = new ZipEntry("mimetype");
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static SealedFile entry(ZipOutputStream zip, String name, String mimeType, byte[] bytes)
            throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
        return new SealedFile(name, mimeType, sha256().digest(bytes));
    }

    private static SealedFile entry(ZipOutputStream zip, String name, String mimeType, InputStream in)
            throws IOException {
        MessageDigest digest = sha256();
        zip.putNextEntry(new ZipEntry(name));
        byte[] buffer = new byte[16 * 1024];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
            zip.write(buffer, 0, read);
        }
        zip.closeEntry();
        return new SealedFile(name, mimeType, digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The caller's stream stays open: it is the caller's (e.g. an HTTP response). */
    private static final class NotClosing extends FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
