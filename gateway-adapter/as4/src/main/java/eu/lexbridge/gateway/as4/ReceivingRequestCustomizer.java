package eu.lexbridge.gateway.as4;

import com.helger.collection.commons.CommonsArrayList;
import com.helger.collection.commons.ICommonsList;
import com.helger.phase4.crypto.IAS4DecryptParameterModifier;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.incoming.AS4RequestHandler;
import com.helger.phase4.incoming.crypto.AS4IncomingSecurityConfiguration;
import com.helger.phase4.incoming.spi.IAS4IncomingMessageProcessorSPI;
import com.helger.phase4.servlet.AS4UnifiedResponse;
import com.helger.phase4.servlet.IAS4ServletRequestHandlerCustomizer;
import com.helger.web.scope.IRequestWebScopeWithoutResponse;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import java.util.Locale;
import org.apache.wss4j.dom.handler.RequestData;

/**
 * Wires each incoming request to our identity, our PModes, our profile and our hand-off, instead of phase4's
 * configuration files and ServiceLoader look-ups. The PMode resolver, the WSS4J crypto and the error consumer are made
 * per request: they share what the request has shown of its sender ({@link RequestSender}).
 */
final class ReceivingRequestCustomizer implements IAS4ServletRequestHandlerCustomizer {

    private final As4Settings settings;
    private final PartnerDirectory partners;
    private final SecurityEvents security;
    private final SignalMessageIds signalIds;
    private final AS4IncomingProfileSelectorConstant profileSelector;
    private final TransmissionReceiver receiver;

    ReceivingRequestCustomizer(As4Settings settings, PartnerDirectory partners, TransmissionReceiver receiver,
                               SecurityEvents security) {
        this.settings = settings;
        this.partners = partners;
        this.security = security;
        this.signalIds = new SignalMessageIds(settings.ebmsIdDomain());
        // true: validate every PMode and message against our profile.
        this.profileSelector = new AS4IncomingProfileSelectorConstant(LexBridgeProfile.ID, true);
        this.receiver = receiver;
    }

    @Override
    public void customizeBeforeHandling(IRequestWebScopeWithoutResponse requestScope, AS4UnifiedResponse response,
                                        AS4RequestHandler handler) {
        RequestSender sender = new RequestSender();
        // The trust store decides whose signatures WSS4J accepts: a signer not chaining to it is refused before our
        // code. The partner's registered certificate is found for any kind of key reference.
        handler.setCryptoFactory(PartnerCertificates.cryptoFactory(settings, sender));
        handler.setPModeResolver(new PartnerPModeResolver(settings, partners, sender));
        handler.setIncomingProfileSelector(profileSelector);
        // One processor per request: it tells this request's servlet when the message is to be sent again later.
        if (!(requestScope.getRequest().getAttribute(TryAgainLater.ATTRIBUTE) instanceof TryAgainLater verdict)) {
            throw new IllegalStateException("an AS4 request reached phase4 without its TryAgainLater");
        }
        ICommonsList<IAS4IncomingMessageProcessorSPI> processors = new CommonsArrayList<>(
                new IncomingUserMessageProcessor(settings.home(), partners, receiver, verdict));
        handler.setProcessorSupplier(() -> processors);
        handler.setErrorConsumer(new RefusedMessageLog(security, sender, signalIds, verdict));
        // Receipts are signed by phase4; the customizer gives them ids in our domain before the signature is made.
        // Attachments come from the spool files As4ReceivingServlet wrote, never from phase4's in-heap MIME parts.
        Object spooled = requestScope.getRequest().getAttribute(SpooledRequest.ATTRIBUTE);
        if (!(spooled instanceof SpooledRequest request)) {
            throw new IllegalStateException("an AS4 request reached phase4 without going through the spool");
        }
        AS4IncomingSecurityConfiguration responses = AS4IncomingSecurityConfiguration.createDefaultInstance();
        responses.setSigningParams(responses.getSigningParamsCloneOrNew().setWSSecSignatureCustomizer(signalIds));
        // Decrypted attachments go to the spool as well, before their signature is checked; and WSS4J takes only the
        // algorithms of the sender's profile.
        DecryptedAttachments attachments = new DecryptedAttachments(request);
        ProfilePolicy policy = new ProfilePolicy(sender);
        responses.setDecryptParameterModifier(new IAS4DecryptParameterModifier() {
            @Override
            public void modifyRequestData(RequestData requestData) {
                attachments.modifyRequestData(requestData);
                policy.modifyRequestData(requestData);
            }
        });
        handler.setIncomingSecurityConfiguration(responses);
        handler.setLocale(Locale.ENGLISH);
        handler.setIncomingAttachmentFactory(new SpooledAttachmentFactory(request));
    }

    @Override
    public void customizeAfterHandling(IRequestWebScopeWithoutResponse requestScope, AS4UnifiedResponse response,
                                       AS4RequestHandler handler) {
        // nothing to undo
    }
}
