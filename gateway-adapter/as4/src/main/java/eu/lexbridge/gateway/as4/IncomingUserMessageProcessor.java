package eu.lexbridge.gateway.as4;

import com.helger.collection.commons.ICommonsList;
import com.helger.http.header.HttpHeaderMap;
import com.helger.phase4.attachment.WSS4JAttachment;
import com.helger.phase4.ebms3header.Ebms3SignalMessage;
import com.helger.phase4.ebms3header.Ebms3UserMessage;
import com.helger.phase4.error.AS4ErrorList;
import com.helger.phase4.incoming.IAS4IncomingMessageMetadata;
import com.helger.phase4.incoming.IAS4IncomingMessageState;
import com.helger.phase4.incoming.spi.AS4MessageProcessorResult;
import com.helger.phase4.incoming.spi.AS4SignalMessageProcessorResult;
import com.helger.phase4.incoming.spi.IAS4IncomingMessageProcessorSPI;
import com.helger.phase4.model.error.EEbmsError;
import com.helger.phase4.model.error.IEbmsError;
import com.helger.phase4.model.pmode.IPMode;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCategory;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.TransmissionReceiver;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.IncomingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.ReceptionOutcome;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Node;

/**
 * Checks a user message that phase4 has decrypted and verified against the partner configuration, then hands it to the
 * connector. Checked here: addressed to our party (id and type); sent by a partner the directory knows (id and type);
 * signed, with encrypted payloads, by exactly the certificate registered for that partner (EBMS:0101); From/Role the
 * partner's configured role and To/Role our home role (EBMS:0010 ProcessingModeMismatch); no SOAP body payload, and
 * PayloadInfo matching the attachments one to one (a PartInfo without its attachment EBMS:0011,
 * anything else EBMS:0003). Service and action are not checked here: the connector
 * knows its services and refuses an unknown one (EBMS:0004 with {@code LB-1005}). It returns success only after the
 * {@link TransmissionReceiver} has stored the message durably, because phase4 sends the signed receipt right after.
 * Security events for refusals are written once, by {@link RefusedMessageLog}.
 */
final class IncomingUserMessageProcessor implements IAS4IncomingMessageProcessorSPI {

    private static final Logger LOG = LoggerFactory.getLogger(IncomingUserMessageProcessor.class);

    private final Party home;
    private final PartnerDirectory partners;
    private final TransmissionReceiver receiver;
    private final TryAgainLater tryAgainLater;

    /** @param tryAgainLater this request's: set when the connector cannot take the message for now */
    IncomingUserMessageProcessor(Party home, PartnerDirectory partners, TransmissionReceiver receiver,
                                 TryAgainLater tryAgainLater) {
        this.home = home;
        this.partners = partners;
        this.receiver = receiver;
        this.tryAgainLater = tryAgainLater;
    }

    @Override
    public AS4MessageProcessorResult processAS4UserMessage(IAS4IncomingMessageMetadata metadata, HttpHeaderMap headers,
                                                           Ebms3UserMessage message, IPMode pmode, Node bodyPayload,
                                                           ICommonsList<WSS4JAttachment> attachments,
                                                           IAS4IncomingMessageState state, AS4ErrorList errors) {
        String messageId = state.getMessageID();
        Envelope envelope;
        try {
            envelope = IncomingEnvelope.read(message);
        } catch (IllegalArgumentException e) {
            return malformed(errors, messageId, e);
        }
        // Who sent it comes before what it holds: a stranger's malformed message is a security failure, not a typo.
        // The directory is asked once per request: a partner may be changed at run time.
        Optional<Partner> sender = partners.byPartyId(envelope.from().partyId());
        Optional<String> untrusted = checkSender(envelope, sender, state, !attachments.isEmpty() || bodyPayload != null);
        if (untrusted.isPresent()) {
            return refuse(errors, EEbmsError.EBMS_FAILED_AUTHENTICATION, messageId,
                    ErrorCode.AS4_UNTRUSTED.code() + ": " + untrusted.get());
        }
        Optional<String> mismatch = checkRoles(envelope, sender.get());
        if (mismatch.isPresent()) {
            return refuse(errors, EEbmsError.EBMS_PROCESSING_MODE_MISMATCH, messageId,
                    ErrorCode.INVALID_FIELD.code() + ": " + mismatch.get());
        }
        List<IncomingPart> parts;
        try {
            if (bodyPayload != null) {
                throw new IllegalArgumentException("SOAP body payloads are not used in e-CODEX");
            }
            parts = IncomingParts.read(message.getPayloadInfo(), attachments);
        } catch (IllegalArgumentException e) {
            return malformed(errors, messageId, e);
        }

        String signer = state.getSigningCertificate().getSubjectX500Principal().getName();
        try {
            ReceptionOutcome outcome = receiver.receive(envelope, parts, signer);
            // checkSender has held the message to the profile agreed with this partner (ProfilePolicy)
            LOG.info("AS4 message {} from {} over eDelivery AS4 {} ({} parts) taken: {}", LogSafe.of(messageId),
                    LogSafe.of(envelope.from().partyId()), sender.get().as4Profile().label(), parts.size(), outcome);
            return AS4MessageProcessorResult.createSuccess();
        } catch (ConnectorException e) {
            if (e.code().category() == ErrorCategory.UNAVAILABLE || e.code().category() == ErrorCategory.INTERNAL) {
                return notNow(errors, messageId, e);
            }
            LOG.warn("AS4 message {} refused by the connector: {} {}", LogSafe.of(messageId), e.code().code(),
                    LogSafe.of(e.getMessage(), 1024));
            // An unknown service/action is what Domibus answers with ValueNotRecognized ("No matching leg found").
            return refuse(errors, e.code() == ErrorCode.UNKNOWN_SERVICE_ACTION ? EEbmsError.EBMS_VALUE_NOT_RECOGNIZED
                    : EEbmsError.EBMS_OTHER, messageId, e.code().code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return notNow(errors, messageId, e);
        }
    }

    /**
     * No receipt for a message we may not have stored, and no ebMS error either: a sender gives up on an error, and
     * the database or queue being down for a moment (a restart, a fail-over) is no reason for that. The request is
     * answered 503 ({@link TryAgainLater}); the error added here only ends phase4's processing and is never sent.
     */
    private AS4MessageProcessorResult notNow(AS4ErrorList errors, String messageId, RuntimeException e) {
        LOG.error("AS4 message {} could not be handed to the connector; answered 503, the sender sends it again",
                LogSafe.of(messageId), e);
        tryAgainLater.set();
        return refuse(errors, EEbmsError.EBMS_OTHER, messageId,
                ErrorCode.INTERNAL.code() + ": " + ErrorCode.INTERNAL.title());
    }

    /** The checks phase4 cannot make: party types and roles against our directory, and the signer being that partner. */
    private Optional<String> checkSender(Envelope envelope, Optional<Partner> partner, IAS4IncomingMessageState state,
                                         boolean hasParts) {
        if (!home.partyId().equals(envelope.to().partyId()) || !home.partyIdType().equals(envelope.to().partyIdType())) {
            return Optional.of("addressed to " + envelope.to().partyIdType() + ":" + envelope.to().partyId()
                    + ", not to our party");
        }
        if (partner.isEmpty() || !partner.get().party().partyIdType().equals(envelope.from().partyIdType())) {
            return Optional.of("sender " + envelope.from().partyIdType() + ":" + envelope.from().partyId()
                    + " is not a known partner");
        }
        if (!state.isSoapSignatureChecked() || state.getSoapWSS4JException() != null || !state.hasSigningCertificate()) {
            return Optional.of("the message is not signed");
        }
        if (hasParts && !state.isSoapDecrypted()) {
            return Optional.of("the payloads are not encrypted");
        }
        X509Certificate signer = state.getSigningCertificate();
        if (!signer.equals(partner.get().certificate())) {
            return Optional.of("signed by '" + signer.getSubjectX500Principal().getName() + "' (serial "
                    + signer.getSerialNumber().toString(16) + "), not by the certificate registered for partner "
                    + partner.get().name());
        }
        return Optional.empty();
    }

    /** The roles of the partner configuration (its PMode), e.g. e-CODEX's {@code GW} on both sides. */
    private Optional<String> checkRoles(Envelope envelope, Partner partner) {
        String expectedFrom = partner.party().role();
        if (!expectedFrom.equals(envelope.from().role())) {
            return Optional.of("From/Role '" + envelope.from().role() + "' is not the role '" + expectedFrom
                    + "' agreed with the sending partner");
        }
        if (!home.role().equals(envelope.to().role())) {
            return Optional.of("To/Role '" + envelope.to().role() + "' is not our role '" + home.role() + "'");
        }
        return Optional.empty();
    }

    private static AS4MessageProcessorResult malformed(AS4ErrorList errors, String messageId,
                                                       IllegalArgumentException e) {
        LOG.warn("AS4 message {} refused: {}", LogSafe.of(messageId), LogSafe.of(e.getMessage(), 1024));
        return refuse(errors, e instanceof IncomingParts.MissingPart ? EEbmsError.EBMS_EXTERNAL_PAYLOAD_ERROR
                : EEbmsError.EBMS_VALUE_INCONSISTENT, messageId, ErrorCode.INVALID_FIELD.code() + ": " + e.getMessage());
    }

    private static AS4MessageProcessorResult refuse(AS4ErrorList errors, IEbmsError error, String messageId,
                                                    String description) {
        errors.add(error.errorBuilder(Locale.ENGLISH)
                .refToMessageInError(messageId)
                .description(description, Locale.ENGLISH)
                .errorDetail(description)
                .build());
        return AS4MessageProcessorResult.createFailure();
    }

    @Override
    public AS4SignalMessageProcessorResult processAS4SignalMessage(IAS4IncomingMessageMetadata metadata,
                                                                   HttpHeaderMap headers, Ebms3SignalMessage signal,
                                                                   IPMode pmode, IAS4IncomingMessageState state,
                                                                   AS4ErrorList errors) {
        // We push and read receipts on the response; a signal posted to us (e.g. an asynchronous receipt) has nothing to
        // act on, so it is acknowledged and dropped.
        LOG.info("AS4 signal message {} received on the endpoint; ignored", LogSafe.of(state.getMessageID()));
        return AS4SignalMessageProcessorResult.createSuccess();
    }

    @Override
    public void processAS4ResponseMessage(IAS4IncomingMessageMetadata metadata, IAS4IncomingMessageState state,
                                          String responseMessageId, byte[] response, boolean responsePayloadIsAvailable,
                                          AS4ErrorList errors) {
        // Nothing to do: the response (receipt or error) is phase4's.
    }
}
