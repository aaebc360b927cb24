package eu.lexbridge.gateway.as4;

import com.helger.collection.commons.CommonsArrayList;
import com.helger.collection.commons.ICommonsList;
import com.helger.phase4.crypto.AS4CryptoFactoryInMemoryKeyStore;
import com.helger.phase4.crypto.IAS4CryptoFactory;
import com.helger.phase4.incoming.AS4IncomingProfileSelectorConstant;
import com.helger.phase4.incoming.AS4RequestHandler;
import com.helger.phase4.incoming.spi.IAS4IncomingMessageProcessorSPI;
import com.helger.phase4.servlet.AS4UnifiedResponse;
import com.helger.phase4.servlet.IAS4ServletRequestHandlerCustomizer;
import com.helger.web.scope.IRequestWebScopeWithoutResponse;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;
import java.util.Locale;

/**
 * Wires each incoming request to our identity, our PModes, our profile and our hand-off, instead of phase4's
 * configuration files and ServiceLoader look-ups.
 */
final class ReceivingRequestCustomizer implements IAS4ServletRequestHandlerCustomizer {

    private final IAS4CryptoFactory cryptoFactory;
    private final PartnerPModeResolver pmodeResolver;
    private final AS4IncomingProfileSelectorConstant profileSelector;
    private final ICommonsList<IAS4IncomingMessageProcessorSPI> processors;
    private final RefusedMessageLog refusedMessageLog;

    ReceivingRequestCustomizer(As4Settings settings, PartnerDirectory partners, TransmissionReceiver receiver,
                               SecurityEvents security) {
        this.refusedMessageLog = new RefusedMessageLog(security);
        // The trust store decides whose signatures WSS4J accepts: a signer not chaining to it is refused before our code.
        this.cryptoFactory = new AS4CryptoFactoryInMemoryKeyStore(settings.as4KeyStore(), settings.as4KeyAlias(),
                settings.as4KeyPassword(), settings.as4TrustStore());
        this.pmodeResolver = new PartnerPModeResolver(settings.home(), partners, security);
        // true: validate every PMode and message against our profile.
        this.profileSelector = new AS4IncomingProfileSelectorConstant(LexBridgeProfile.ID, true);
        this.processors = new CommonsArrayList<>(new IncomingUserMessageProcessor(settings.home(), partners, receiver,
                security));
    }

    @Override
    public void customizeBeforeHandling(IRequestWebScopeWithoutResponse requestScope, AS4UnifiedResponse response,
                                        AS4RequestHandler handler) {
        handler.setCryptoFactory(cryptoFactory);
        handler.setPModeResolver(pmodeResolver);
        handler.setIncomingProfileSelector(profileSelector);
        handler.setProcessorSupplier(() -> processors);
        handler.setErrorConsumer(refusedMessageLog);
        handler.setLocale(Locale.ENGLISH);
        // Attachments come from the spool files As4ReceivingServlet wrote, never from phase4's in-heap MIME parts.
        Object spooled = requestScope.getRequest().getAttribute(SpooledRequest.ATTRIBUTE);
        if (!(spooled instanceof SpooledRequest request)) {
            throw new IllegalStateException("an AS4 request reached phase4 without going through the spool");
        }
        handler.setIncomingAttachmentFactory(new SpooledAttachmentFactory(request));
    }

    @Override
    public void customizeAfterHandling(IRequestWebScopeWithoutResponse requestScope, AS4UnifiedResponse response,
                                       AS4RequestHandler handler) {
        // nothing to undo
    }
}
