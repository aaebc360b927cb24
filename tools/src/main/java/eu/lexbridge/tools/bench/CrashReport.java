package eu.lexbridge.tools.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code bench crash} found.
 *
 * @param messages messages the run sent
 * @param senderReplicas processes of the sending connector behind its one address
 * @param messagesPerSecond messages over the time from the first submission to the last message's end, disruptions
 *     included
 * @param submitted messages the sender's connector took (one per back-end message id, however often it was sent)
 * @param deliveredOnce messages DELIVERED at the sender with each evidence type once
 * @param receivedOnce ebMS messages that exist exactly once at the receiver
 * @param acknowledged messages at the receiver acknowledged by its back-end (DELIVERED_TO_BACKEND)
 * @param submissionsRetried back-end messages submitted more than once (the connector was down or the answer lost)
 * @param answersLost of those, the ones the connector had stored before: its 409 named the message
 * @param deadLetters messages in each dead-letter queue, by broker port and queue
 * @param problems every departure from exactly once, each in a sentence; none when the run passed
 */
public record CrashReport(int messages, int senderReplicas, double messagesPerSecond, int submitted, int deliveredOnce, int receivedOnce, int acknowledged,
                          int submissionsRetried, int answersLost, List<Disruption> disruptions,
                          Map<String, Integer> deadLetters, List<String> problems, double seconds) {

    /** One disruption: what, after how many messages had ended, and how long until all was up again. */
    public record Disruption(String what, int afterMessages, double atSeconds, double downSeconds) {
    }

    @JsonProperty
    public boolean passed() {
        return problems.isEmpty() && submitted == messages && deliveredOnce == messages && receivedOnce == messages
                && acknowledged == messages;
    }

    public long kills() {
        return disruptions.stream().filter(d -> d.what().startsWith("KILL")).count();
    }

    public void print(PrintStream out) {
        out.println();
        out.printf(Locale.ROOT, "Crash run: %d messages in %.0f s, %d connector kills (SIGKILL), broker killed and "
                + "restarted %d, database restarted %d%n", messages, seconds, kills(), count("RESTART_BROKER"),
                count("RESTART_DATABASE"));
        out.printf(Locale.ROOT, "Sender: %d replica(s) behind one address; %.2f messages/s, disruptions included%n",
                senderReplicas, messagesPerSecond);
        for (Disruption d : disruptions.stream().sorted(java.util.Comparator.comparingDouble(Disruption::atSeconds))
                .toList()) {
            out.printf(Locale.ROOT, "  %-34s after %5d messages (%6.1f s): everything up again in %5.1f s%n",
                    d.what(), d.afterMessages(), d.atSeconds(), d.downSeconds());
        }
        out.printf(Locale.ROOT, "Submitted %d of %d (%d sent again, %d of those already stored: 409 named them)%n",
                submitted, messages, submissionsRetried, answersLost);
        out.printf(Locale.ROOT, "Sender: %d DELIVERED with one evidence of each type%n", deliveredOnce);
        out.printf(Locale.ROOT, "Receiver: %d ebMS messages held exactly once, %d acknowledged by the back-end%n",
                receivedOnce, acknowledged);
        long dead = deadLetters.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(Locale.ROOT, "Dead-letter queues: %d messages in %d queues browsed%n", dead, deadLetters.size());
        problems.forEach(p -> out.println("  PROBLEM: " + p));
        out.println(passed() ? "PASSED: every message delivered exactly once" : "FAILED");
    }

    private long count(String what) {
        return disruptions.stream().filter(d -> d.what().equals(what)).count();
    }

    public void writeJson(Path file) {
        BenchReport.writeJson(this, file);
    }
}
