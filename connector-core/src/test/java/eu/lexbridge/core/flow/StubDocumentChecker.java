package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.DocumentChecker;
import java.util.ArrayList;
import java.util.List;

/** Answers the check the test set, and keeps what it was asked to check. */
final class StubDocumentChecker implements DocumentChecker {

    /** One request: the document and its detached signature ({@code null} when none). */
    record Asked(PayloadRef document, PayloadRef detachedSignature) {
    }

    private final List<Asked> asked = new ArrayList<>();
    private Check answer;

    void answer(Check check) {
        this.answer = check;
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    @Override
    public Check check(PayloadRef document, PayloadRef detachedSignature) {
        asked.add(new Asked(document, detachedSignature));
        if (answer == null) {
            throw new IllegalStateException("the test did not say what the document check finds");
        }
        return answer;
    }
}
