package eu.lexbridge.trust.container;

import eu.lexbridge.core.message.PartName;

/**
 * The rule for a safe zip entry name: relative, forward slashes between segments, and every segment a name
 * {@link PartName} allows (no "." or "..", no backslash, ':', control or bidirectional characters, at most 255
 * bytes), the rule a submission's file names were checked against.
 */
final class EntryNames {

    private EntryNames() {
    }

    /** @return why {@code name} is unsafe, or {@code null} when it is safe */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        if (name.startsWith("/")) {
            return "it is an absolute path";
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty path segment";
            }
            String problem = PartName.problem(segment);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }
}
