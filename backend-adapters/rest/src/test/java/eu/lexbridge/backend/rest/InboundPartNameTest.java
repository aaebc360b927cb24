package eu.lexbridge.backend.rest;

import static org.assertj.core.api.Assertions.assertThat;

import eu.lexbridge.core.message.Direction;
import eu.lexbridge.core.message.PayloadKind;
import eu.lexbridge.core.message.PayloadRef;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A partner's part names are not trusted (issue 8): one the submission rule would refuse — a path, a line break, over
 * 255 bytes — is stored under a plain replacement, so it reaches neither the database column, nor a file name, nor a
 * download header; the message still arrives.
 */
class InboundPartNameTest extends ApiTestSupport {

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "order.pdf\r\nX-Injected: yes", "C:order.pdf", "TrustOkToken.pdf\u202e"})
    void anUnusableNameIsReplacedAndTheMessageArrives(String hostile) {
        assertUnusableNameReplaced(hostile);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 10_000})
    void anOverLongNameIsReplaced(int length) {
        assertUnusableNameReplaced("a".repeat(length - 4) + ".pdf");
    }

    private void assertUnusableNameReplaced(String hostile) {
        Envelope envelope = connector.envelopeFor("urn:authority:court-a");
        reception.receive(envelope, List.of(
                new IncomingPart("messageContent", "messageContent", "text/xml", () -> new ByteArrayInputStream(XML)),
                new IncomingPart("businessDocument", hostile, "application/pdf",
                        () -> new ByteArrayInputStream("%PDF-1.4".getBytes()))), "CN=DE test connector");

        // A part beside the container is stored as an attachment (and refused later, at acceptance, for travelling
        // outside the container); what is checked here is the name it is stored under.
        var message = store.findByEbmsId(envelope.ebmsMessageId(), Direction.INBOUND).orElseThrow();
        assertThat(message.payloads()).extracting(PayloadRef::kind)
                .containsExactly(PayloadKind.BUSINESS_CONTENT, PayloadKind.ATTACHMENT);
        assertThat(message.payloads().get(1).name()).isEqualTo("part-2");
    }
}
