package eu.lexbridge.tools.demo;

import com.fasterxml.jackson.databind.JsonNode;

/** Prints a timeline as the REST API returns it, one line per state or evidence. */
final class TimelinePrinter {

    private TimelinePrinter() {
    }

    static void print(JsonNode timeline) {
        JsonNode entries = timeline.isArray() ? timeline : timeline.path("entries");
        for (JsonNode entry : entries) {
            String what = entry.hasNonNull("state") ? "state    " + entry.path("state").asText()
                    : "evidence " + entry.path("evidenceType").asText() + " (" + entry.path("evidenceOrigin").asText()
                    .toLowerCase() + ")";
            System.out.printf("  %-24s  %-44s  %s%n", entry.path("at").asText(), what, entry.path("detail").asText());
        }
    }
}
