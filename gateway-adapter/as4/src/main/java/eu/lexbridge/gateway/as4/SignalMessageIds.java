package eu.lexbridge.gateway.as4;

import com.helger.phase4.crypto.IWSSecSignatureCustomizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Gives the receipts and error signals our endpoint sends ids in our ebMS id domain ({@code uuid@domain}). phase4 4.4.1
 * generates them as {@code uuid@phase4}, or {@code uuid@phase4.<suffix>} with its JVM-global suffix (which
 * {@link As4Runtime} sets to the domain), and offers no generator to replace. So the id is rewritten where phase4 still
 * lets us change the signal: the error consumer for an error ({@link RefusedMessageLog}), and, for a receipt, the
 * signature customizer, which phase4 calls with the finished document before anything is signed.
 */
final class SignalMessageIds implements IWSSecSignatureCustomizer {

    private static final String EBMS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
    private static final Pattern PHASE4_ID = Pattern.compile("([^@\\s]+)@phase4(\\.[A-Za-z0-9._-]+)?");

    private final String domain;

    SignalMessageIds(String domain) {
        this.domain = domain;
    }

    /** {@code uuid@phase4[.suffix]} becomes {@code uuid@domain}; any other id (ours, a partner's) stays as it is. */
    String inOurDomain(String messageId) {
        if (messageId == null) {
            return null;
        }
        Matcher phase4 = PHASE4_ID.matcher(messageId.trim());
        return phase4.matches() ? phase4.group(1) + "@" + domain : messageId;
    }

    @Override
    public WSSecSignature createWSSecSignature(WSSecHeader header) {
        Element security = header.getSecurityHeaderElement();
        if (security != null) {
            rewrite(security.getOwnerDocument());
        }
        return new WSSecSignature(header);
    }

    /** The MessageIds of signal messages only: a user message we sign is the connector's and keeps its id. */
    private void rewrite(Document document) {
        NodeList signals = document.getElementsByTagNameNS(EBMS, "SignalMessage");
        for (int i = 0; i < signals.getLength(); i++) {
            NodeList ids = ((Element) signals.item(i)).getElementsByTagNameNS(EBMS, "MessageId");
            for (int j = 0; j < ids.getLength(); j++) {
                Element id = (Element) ids.item(j);
                String rewritten = inOurDomain(id.getTextContent());
                if (!rewritten.equals(id.getTextContent())) {
                    id.setTextContent(rewritten);
                }
            }
        }
    }
}
