package eu.lexbridge.tools;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;

/** Prints a conversation's timeline as the REST API answers it: one line per entry, then its time limits. */
public final class CaseTimelinePrinter {

    private CaseTimelinePrinter() {
    }

    public static void print(JsonNode timeline, PrintStream out) {
        for (JsonNode entry : timeline.path("entries")) {
            out.printf("  %-24s  %-12s  %-30s  %s%n", entry.path("at").asText(), entry.path("kind").asText(),
                    entry.path("title").asText(), entry.path("detail").asText());
        }
        JsonNode deadlines = timeline.path("deadlines");
        if (deadlines.isEmpty()) {
            return;
        }
        out.println("  time limits as of " + timeline.path("asOf").asText() + ":");
        for (JsonNode deadline : deadlines) {
            String due = deadline.hasNonNull("dueAt") ? "due " + deadline.path("dueAt").asText() : "no end";
            out.printf("  %-4s %-9s %-34s for the %-20s %s (%s)%n", deadline.path("id").asText(),
                    deadline.path("status").asText() + (deadline.path("late").asBoolean() ? " late" : ""), due,
                    deadline.path("actor").asText(), deadline.path("title").asText(), deadline.path("source").asText());
        }
    }
}
