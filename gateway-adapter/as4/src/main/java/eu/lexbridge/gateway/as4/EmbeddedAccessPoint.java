package eu.lexbridge.gateway.as4;

import com.helger.base.wrapper.Wrapper;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.messaging.http.HttpRetrySettings;
import com.helger.phase4.model.ESoapVersion;
import com.helger.phase4.model.pmode.PMode;
import com.helger.phase4.sender.AS4Sender;
import com.helger.phase4.sender.EAS4UserMessageSendResult;
import com.helger.phase4.util.Phase4Exception;
import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.log.LogSafe;
import eu.lexbridge.core.port.GatewayLink;
import eu.lexbridge.core.port.PayloadStore;
import eu.lexbridge.core.transport.Envelope;
import eu.lexbridge.core.transport.OutgoingPart;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.core.transport.SendOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends e-CODEX user messages with phase4 and waits for the partner's signed receipt. Thread-safe; all sends share one
 * pooled HTTP client. Needs a running {@link As4Runtime}.
 */
public final class EmbeddedAccessPoint implements GatewayLink, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedAccessPoint.class);
    private static final String SPOOL = "outgoing-spool";

    private final As4Settings settings;
    private final PayloadStore payloads;
    private final CloseableHttpClient httpClient;
    private final Path spoolDirectory;
    private final OutgoingRequestHeaders extraHeaders;

    public EmbeddedAccessPoint(As4Settings settings, PayloadStore payloads) {
        this(settings, payloads, OutgoingRequestHeaders.NONE);
    }

    /**
     * With the partners configured at start: each must fit its AS4 profile ({@link PartnerProfiles}), or the access
     * point is not built.
     *
     * @throws IllegalArgumentException naming the first partner that does not fit, in one sentence
     */
    public EmbeddedAccessPoint(As4Settings settings, PayloadStore payloads, OutgoingRequestHeaders extraHeaders,
                               Collection<Partner> configuredPartners) {
        this(checked(settings, configuredPartners), payloads, extraHeaders);
    }

    /** @param extraHeaders added to every AS4 request, e.g. the trace context of the send */
    public EmbeddedAccessPoint(As4Settings settings, PayloadStore payloads, OutgoingRequestHeaders extraHeaders) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.payloads = Objects.requireNonNull(payloads, "payloads");
        this.extraHeaders = Objects.requireNonNull(extraHeaders, "extraHeaders");
        this.httpClient = PartnerHttpClient.create(settings);
        this.spoolDirectory = settings.dataDirectory().resolve(SPOOL);
    }

    /** A partner in a profile we hold no keys for, or whose certificates do not fit it ({@link PartnerProfiles}). */
    @Override
    public Optional<String> unfit(Partner partner) {
        return PartnerProfiles.problem(settings, partner);
    }

    @Override
    public SendOutcome send(Envelope envelope, List<OutgoingPart> parts, Partner partner) {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(parts, "parts");
        Objects.requireNonNull(partner, "partner");
        if (!As4Runtime.isRunning()) {
            throw new IllegalStateException("the AS4 runtime is not started (As4Runtime.start)");
        }
        String misaddressed = misaddressed(envelope, partner);
        if (misaddressed != null) {
            return SendOutcome.failed(misaddressed);
        }
        Optional<String> unfit = unfit(partner);
        if (unfit.isPresent()) {
            return SendOutcome.failed(unfit.get());
        }
        long started = System.nanoTime();
        SendOutcome outcome;
        try (SpooledParts spooled = SpooledParts.spool(parts, payloads, spoolDirectory)) {
            outcome = sendSpooled(envelope, partner, spooled);
        } catch (ConnectorException e) {
            outcome = SendOutcome.failed("payload not sendable: " + e.code().code() + " " + e.getMessage());
        } catch (UncheckedIOException e) {
            outcome = SendOutcome.retryable("payload not spooled: " + e.getMessage());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (outcome.status() == SendOutcome.Status.DELIVERED) {
            LOG.info("AS4 message {} to {} over eDelivery AS4 {} delivered in {} ms, receipt {}",
                    LogSafe.of(envelope.ebmsMessageId()), LogSafe.of(partner.name()), partner.as4Profile().label(),
                    millis, LogSafe.of(outcome.receiptMessageId()));
        } else if (outcome.status() == SendOutcome.Status.RETRYABLE_FAILURE) {
            // expected while a partner is down: the dispatch route says it once, at INFO, with the attempt and until when
            LOG.debug("AS4 message {} to {} not delivered after {} ms: {} {}", LogSafe.of(envelope.ebmsMessageId()),
                    LogSafe.of(partner.name()), millis, outcome.status(), LogSafe.of(outcome.detail(), 2048));
        } else {
            // The detail may quote the partner's ebMS error text.
            LOG.warn("AS4 message {} to {} not delivered after {} ms: {} {}", LogSafe.of(envelope.ebmsMessageId()),
                    LogSafe.of(partner.name()), millis, outcome.status(), LogSafe.of(outcome.detail(), 2048));
        }
        return outcome;
    }

    private SendOutcome sendSpooled(Envelope envelope, Partner partner, SpooledParts spooled) {
        ProfileSecurity profile = ProfileSecurity.of(partner.as4Profile());
        PMode pmode = EDeliveryPMode.create(envelope.from(), envelope.to(), envelope.service().value(),
                envelope.service().type(), envelope.action(), partner.endpoint().toString(), partner.as4Profile());
        RequestSender counterpart = RequestSender.sendingTo(partner);
        ReceiptCheck receipt = new ReceiptCheck();
        Wrapper<Phase4Exception> failure = new Wrapper<>();
        AS4Sender.BuilderUserMessage builder = new FileBackedUserMessageBuilder(spooled)
                .as4ProfileID(LexBridgeProfile.ID)
                .soapVersion(ESoapVersion.SOAP_12)
                .locale(Locale.ENGLISH)
                // the receipt's signer must chain to the AS4 trust store and bear the partner's name; we sign with
                // our key of the partner's profile
                .cryptoFactory(PartnerCertificates.cryptoFactory(settings, counterpart))
                .withSigningParams(profile::signing)
                .withCryptParams(profile::encryption)
                // and the receipt is signed as that profile signs
                .decryptRequestDataModifier(new ProfilePolicy(counterpart))
                .customHttpPoster(new PooledHttpPoster(httpClient, extraHeaders))
                // One attempt per call: the dispatch route retries durably, with back-off, across restarts.
                .httpRetrySettings(new HttpRetrySettings().setMaxRetries(0))
                // The receipt is read with the PMode we sent with and validated against our profile.
                .pmodeResolver((id, service, action, initiator, responder, agreement, address) -> pmode)
                .incomingProfileSelector(new AS4IncomingProfileSelectorConstant(LexBridgeProfile.ID, true))
                .signalMsgConsumer(receipt)
                .signalMsgValidationResultHdl(receipt);
        OutgoingUserMessage.map(builder, envelope, partner, pmode, spooled.attachments());
        EAS4UserMessageSendResult result = builder.sendMessageAndCheckForReceipt(failure::set);
        return SendOutcomes.of(result, receipt, failure.get(), partner);
    }

    private static As4Settings checked(As4Settings settings, Collection<Partner> partners) {
        PartnerProfiles.requireFit(settings, Objects.requireNonNull(partners, "configuredPartners"));
        return settings;
    }

    private String misaddressed(Envelope envelope, Partner partner) {
        if (!envelope.from().partyId().equals(settings.home().partyId())) {
            return "the envelope's sender " + envelope.from().partyId() + " is not our party "
                    + settings.home().partyId();
        }
        if (!envelope.to().partyId().equals(partner.party().partyId())) {
            return "the envelope's recipient " + envelope.to().partyId() + " is not partner " + partner.name() + " ("
                    + partner.party().partyId() + ")";
        }
        return null;
    }

    @Override
    public void close() {
        try {
            httpClient.close();
        } catch (IOException e) {
            LOG.warn("closing the AS4 HTTP client: {}", LogSafe.of(e.getMessage()));
        }
    }
}
