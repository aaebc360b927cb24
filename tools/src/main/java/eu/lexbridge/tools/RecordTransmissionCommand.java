package eu.lexbridge.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lexbridge record-transmission}: a transmission made outside the system, recorded by the back-end that made it
 * (Reg (EU) 2023/1543 Art 19(6)) through the connector's REST API. With {@code --file} the file's name, size and
 * SHA-256 are taken from the file itself, read as a stream.
 */
@Command(name = "record-transmission", mixinStandardHelpOptions = true,
        description = {"Record a transmission made outside the system (Reg (EU) 2023/1543 Art 19(6)): the connector "
                + "checks it, seals it and adds it to the conversation's timeline.",
                "Exit 0: recorded (the sealed record printed); 2: refused, with the field named, nothing kept; "
                        + "1: the connector cannot be used."})
public final class RecordTransmissionCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    BackendApi api = new BackendApi();

    @Option(names = "--conversation", required = true, description = "The conversation (case) it belongs to")
    String conversation;

    @Option(names = "--transmitted-at", required = true, paramLabel = "TIME",
            description = "When it was transmitted, with its offset, e.g. 2026-12-06T09:30:00+01:00")
    OffsetDateTime transmittedAt;

    @Option(names = "--sender", required = true) String sender;
    @Option(names = "--recipient", required = true) String recipient;

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    /** The file itself, or what is known of it. */
    static final class What {
        @Option(names = "--file", paramLabel = "PATH",
                description = "The file transmitted: its name, size and SHA-256 are read from it")
        Path file;

        @ArgGroup(exclusive = false)
        Described described;
    }

    /** A file described, not at hand. */
    static final class Described {
        @Option(names = "--file-name", required = true) String fileName;
        @Option(names = "--file-size", required = true, description = "In bytes") long fileSize;
        @Option(names = "--content-hash", required = true, paramLabel = "HEX", description = "The file's digest")
        String contentHash;
        @Option(names = "--hash-algorithm", defaultValue = "SHA-256",
                description = "SHA-256, SHA-384, SHA-512 or SHA3-… (default: ${DEFAULT-VALUE})")
        String hashAlgorithm;
    }

    @Option(names = "--reason", required = true, description = "system-disrupted, nature-of-material, data-size, "
            + "forensic-requirements, exceptional-circumstances, recipient-not-connected or transition-period")
    String reason;

    @Option(names = "--channel", required = true, description = "How it went, e.g. \"encrypted disk by courier\"")
    String channel;

    @Option(names = "--instrument", required = true, description = "e.g. E-EVIDENCE") String instrument;
    @Option(names = "--form", required = true, description = "e.g. EPOC, \"EPOC data\"") String form;
    @Option(names = "--related-message", description = "A message of the conversation it relates to")
    String relatedMessage;
    @Option(names = "--operator", description = "Who records it") String operator;
    @Option(names = "--corrects", description = "The record this one corrects") String corrects;
    @Option(names = "--note") String note;
    @Option(names = "--backend-record-id", description = "The back-end's own id: recording again with it is safe")
    String backendRecordId;

    @Override
    public Integer call() {
        try {
            ObjectNode record = JSON.createObjectNode();
            record.put("conversationId", conversation);
            record.put("transmittedAt", transmittedAt.toString());
            record.put("sender", sender);
            record.put("recipient", recipient);
            if (what.file != null) {
                record.put("fileName", what.file.getFileName().toString());
                record.put("fileSize", Files.size(what.file));
                record.putObject("contentHash").put("algorithm", "SHA-256").put("value", sha256(what.file));
            } else {
                record.put("fileName", what.described.fileName);
                record.put("fileSize", what.described.fileSize);
                record.putObject("contentHash").put("algorithm", what.described.hashAlgorithm)
                        .put("value", what.described.contentHash);
            }
            record.put("reason", reason);
            record.put("channel", channel);
            record.put("instrument", instrument);
            record.put("form", form);
            putIfSet(record, "relatedMessageId", relatedMessage);
            putIfSet(record, "operator", operator);
            putIfSet(record, "corrects", corrects);
            putIfSet(record, "note", note);
            putIfSet(record, "backendRecordId", backendRecordId);
            BackendApi.Answer answer = api.send("POST", "/api/v1/records", record.toString());
            if (answer.status() == 201) {
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(answer.body()));
                return 0;
            }
            System.err.println("the record was " + (answer.refused() ? "refused" : "not taken") + " ("
                    + answer.status() + "): " + answer.problem());
            return answer.refused() ? 2 : 1;
        } catch (IOException e) {
            System.err.println("the connector at " + api.api + " cannot be used: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static void putIfSet(ObjectNode record, String field, String value) {
        if (value != null) {
            record.put(field, value);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
