package eu.lexbridge.core.flow;

import eu.lexbridge.core.evidence.EvidenceCheck;
import eu.lexbridge.core.evidence.EvidenceType;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.port.EvidenceVerifier;
import eu.lexbridge.core.transport.Partner;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds a document acceptable, of the type it is named after, unless the test says otherwise. The real seal checks are
 * tested in trust-store.
 */
final class StubEvidenceVerifier implements EvidenceVerifier {

    private final List<PayloadRef> checked = new ArrayList<>();
    private Function<PayloadRef, EvidenceCheck> answer = document -> new EvidenceCheck(true,
            EvidenceType.fromPayloadDescription(document.name()).orElse(null), null, "CN=DE test connector",
            "seal intact, signer trusted for de-connector");

    void answer(Function<PayloadRef, EvidenceCheck> answer) {
        this.answer = answer;
    }

    List<PayloadRef> checked() {
        return List.copyOf(checked);
    }

    @Override
    public EvidenceCheck check(PayloadRef document, Partner sender) {
        checked.add(document);
        return answer.apply(document);
    }
}
