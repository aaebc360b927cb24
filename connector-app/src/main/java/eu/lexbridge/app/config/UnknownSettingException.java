package eu.lexbridge.app.config;

import java.util.List;

/** Start-up refused: keys nothing reads, one sentence each. */
public final class UnknownSettingException extends RuntimeException {

    private final List<String> sentences;

    UnknownSettingException(List<String> sentences) {
        super(String.join("; ", sentences), null, false, false);
        this.sentences = List.copyOf(sentences);
    }

    public List<String> sentences() {
        return sentences;
    }
}
