package eu.lexbridge.trust.container;

/** The rules for a safe zip entry name: relative, forward slashes only, no "." or ".." segment, no control chars. */
final class EntryNames {

    private EntryNames() {
    }

    /** @return why {@code name} is unsafe, or {@code null} when it is safe */
    static String problem(String name) {
        if (name.isEmpty()) {
            return "the name is empty";
        }
        if (name.indexOf('\\') >= 0) {
            return "it contains a backslash";
        }
        if (name.startsWith("/")) {
            return "it is an absolute path";
        }
        if (name.length() >= 2 && name.charAt(1) == ':') {
            return "it starts with a drive letter";
        }
        if (name.indexOf(':') >= 0) {
            return "it contains ':' (an alternate data stream on Windows)";
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                return "it contains a control character";
            }
        }
        String path = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "it has an empty path segment";
            }
            if (segment.equals("..")) {
                return "it climbs out of the target directory ('..')";
            }
            if (segment.equals(".")) {
                return "it has a '.' segment";
            }
        }
        return null;
    }
}
