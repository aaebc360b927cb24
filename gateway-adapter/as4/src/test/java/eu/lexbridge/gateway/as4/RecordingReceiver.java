package eu.lexbridge.gateway.as4;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.ReceptionOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The app's side of the hand-off, in memory: reads every part to the end and remembers what it saw. */
final class RecordingReceiver implements TransmissionReceiver {

    record ReceivedPart(String description, String name, String mimeType, long size, String sha256) {
    }

    record Reception(Envelope envelope, List<ReceivedPart> parts, String signer) {
    }

    private final List<Reception> receptions = new CopyOnWriteArrayList<>();
    private final List<ReceptionOutcome> outcomes = new CopyOnWriteArrayList<>();

    /** The action for which this receiver refuses, as the app would for a message it cannot store. */
    static final String REFUSED_ACTION = "RefuseMe";
    /** The action for which this receiver fails as the app does while its database restarts. */
    static final String STORE_DOWN_ACTION = "StoreDown";
    /** ... and as it does while its queue is down. */
    static final String QUEUE_DOWN_ACTION = "QueueDown";

    @Override
    public ReceptionOutcome receive(Envelope envelope, List<IncomingPart> parts, String signer) {
        if (REFUSED_ACTION.equals(envelope.action())) {
            throw new ConnectorException(ErrorCode.UNKNOWN_SERVICE_ACTION, "action", "action RefuseMe is not configured");
        }
        if (STORE_DOWN_ACTION.equals(envelope.action())) {
            // what Spring's JDBC template throws when PostgreSQL ends the connection (SQLSTATE 57P01)
            throw new IllegalStateException("FATAL: terminating connection due to administrator command");
        }
        if (QUEUE_DOWN_ACTION.equals(envelope.action())) {
            throw new ConnectorException(ErrorCode.QUEUE_UNAVAILABLE, null, "the message could not be queued");
        }
        boolean seen = receptions.stream().anyMatch(r -> r.envelope().ebmsMessageId().equals(envelope.ebmsMessageId()));
        List<ReceivedPart> read = new ArrayList<>();
        for (IncomingPart part : parts) {
            try (InputStream in = part.content().open()) {
                CountingInput counting = new CountingInput(in);
                String sha = Sha256.hex(counting);
                read.add(new ReceivedPart(part.description(), part.name(), part.mimeType(), counting.count, sha));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        receptions.add(new Reception(envelope, read, signer));
        ReceptionOutcome outcome = seen ? ReceptionOutcome.DUPLICATE : ReceptionOutcome.ACCEPTED;
        outcomes.add(outcome);
        return outcome;
    }

    List<ReceptionOutcome> outcomes() {
        return List.copyOf(outcomes);
    }

    List<Reception> receptions() {
        return List.copyOf(receptions);
    }

    private static final class CountingInput extends java.io.FilterInputStream {
        long count;

        CountingInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
