package eu.lexbridge.gateway.as4;

import com.helger.http.EHttpMethod;
import com.helger.phase4.servlet.AS4XServletHandler;
import com.helger.xservlet.AbstractXServlet;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.port.SecurityEvents;
import eu.lexbridge.core.port.TransmissionReceiver;

/**
 * The AS4 endpoint (e.g. {@code /as4}): HTTP POST only. Instantiate it only after {@link As4Runtime#start} — phase4
 * needs its global scope — and map it in the servlet container yourself.
 */
public class As4ReceivingServlet extends AbstractXServlet {

    /** @param security where refused messages are recorded as security events */
    public As4ReceivingServlet(As4Settings settings, PartnerDirectory partners, TransmissionReceiver receiver,
                               SecurityEvents security) {
        // phase4 parses the MIME multipart itself and must see the raw stream.
        settings().setMultipartEnabled(false);
        AS4XServletHandler handler = new AS4XServletHandler();
        handler.setRequestHandlerCustomizer(new ReceivingRequestCustomizer(settings, partners, receiver, security));
        handlerRegistry().registerHandler(EHttpMethod.POST, handler);
    }
}
