package eu.lexbridge.gateway.as4;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.helger.phase4.ebms3header.Ebms3Messaging;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.marshaller.Ebms3MessagingMarshaller;
import eu.lexbridge.core.transport.Envelope;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of the ebMS header as the receiver reads it (issue 8, Deliver 8): phase4's schema-checked
 * unmarshalling of {@code eb:Messaging}, then our e-CODEX envelope. Every input is read, refused by the schema, or
 * refused by {@link IncomingEnvelope} with an {@link IllegalArgumentException} naming the header field; anything else
 * (a NullPointerException from a half-filled header, an endless loop, an OutOfMemoryError) is a finding. A longer run:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl gateway-adapter/as4 -am test -Dtest=As4HeaderFuzzTest -Djazzer.max_duration=10m
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class As4HeaderFuzzTest {

    /** An e-CODEX user message header as the official connector's Domibus sends it. */
    private static final byte[] SEED = """
            <eb:Messaging xmlns:eb="http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/" \
            xmlns:S12="http://www.w3.org/2003/05/soap-envelope" S12:mustUnderstand="true">
            <eb:UserMessage><eb:MessageInfo><eb:Timestamp>2026-12-05T10:00:00.000Z</eb:Timestamp>
            <eb:MessageId>4f1c2a2e-1a2b-4c5d-8e9f-0a1b2c3d4e5f@at.example</eb:MessageId></eb:MessageInfo>
            <eb:PartyInfo><eb:From><eb:PartyId type="urn:oasis:names:tc:ebcore:partyid-type:unregistered">AT</eb:PartyId>
            <eb:Role>GW</eb:Role></eb:From><eb:To>
            <eb:PartyId type="urn:oasis:names:tc:ebcore:partyid-type:unregistered">DE</eb:PartyId><eb:Role>GW</eb:Role>
            </eb:To></eb:PartyInfo><eb:CollaborationInfo><eb:Service type="urn:e-codex:services:">EPO</eb:Service>
            <eb:Action>Form_A</eb:Action><eb:ConversationId>c-0001</eb:ConversationId></eb:CollaborationInfo>
            <eb:MessageProperties><eb:Property name="originalSender">urn:authority:at</eb:Property>
            <eb:Property name="finalRecipient">urn:authority:de</eb:Property></eb:MessageProperties>
            <eb:PayloadInfo><eb:PartInfo href="cid:message@at.example"><eb:PartProperties>
            <eb:Property name="description">businessContent</eb:Property>
            <eb:Property name="MimeType">application/xml</eb:Property></eb:PartProperties></eb:PartInfo>
            </eb:PayloadInfo></eb:UserMessage></eb:Messaging>""".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void theSeedIsAnEnvelope() {
        Ebms3Messaging messaging = new Ebms3MessagingMarshaller().read(SEED);
        assertThat(messaging).as("the seed passes phase4's schema check").isNotNull();
        assertThat(IncomingEnvelope.read(messaging.getUserMessageAtIndex(0)).action()).isEqualTo("Form_A");
    }

    @FuzzTest(maxDuration = "20s")
    void readHeader(FuzzedDataProvider data) {
        byte[] input;
        if (data.consumeBoolean()) {
            input = data.consumeRemainingAsBytes();
        } else {
            int at = data.consumeInt(0, SEED.length);
            int removed = data.consumeInt(0, Math.min(48, SEED.length - at));
            byte[] inserted = data.consumeRemainingAsBytes();
            input = new byte[SEED.length - removed + inserted.length];
            System.arraycopy(SEED, 0, input, 0, at);
            System.arraycopy(inserted, 0, input, at, inserted.length);
            System.arraycopy(SEED, at + removed, input, at + inserted.length, SEED.length - at - removed);
        }
        Ebms3Messaging messaging = new Ebms3MessagingMarshaller().read(input);
        if (messaging == null) {
            return; // refused by phase4's schema check
        }
        for (Ebms3UserMessage message : messaging.getUserMessage()) {
            try {
                Envelope envelope = IncomingEnvelope.read(message);
                assertThat(envelope.ebmsMessageId()).isNotNull();
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }
}
