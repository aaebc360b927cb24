package eu.lexbridge.app.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A key nothing reads, as Spring Boot's start-up report: the keys in a sentence each, and what to do; no stack. */
public final class UnknownSettingFailureAnalyzer extends AbstractFailureAnalyzer<UnknownSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, UnknownSettingException cause) {
        return new FailureAnalysis(String.join(System.lineSeparator(), cause.sentences()),
                "Correct or remove the key; docs/configuration.md lists every LexBridge setting.", cause);
    }
}
