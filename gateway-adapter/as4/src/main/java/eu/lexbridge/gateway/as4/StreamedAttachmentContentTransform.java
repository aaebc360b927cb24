package eu.lexbridge.gateway.as4;

import java.io.OutputStream;
import java.security.Provider;
import java.security.Security;
import javax.xml.crypto.Data;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.TransformException;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.dom.transform.AttachmentContentSignatureTransform;

/**
 * WSS4J's SwA Attachment-Content-Signature-Transform, the same bytes digested, without the copy Santuario keeps of
 * them when a signature is checked ({@link AttachmentDigestCopy}). Registered ahead of WSS4J's own provider by
 * {@link #install()}: Santuario's factory knows no SwA transform and looks it up among the installed providers, in
 * their order. The attachment's stream itself is a {@link MarkableFileInput} on both sides, so WSS4J's mark and reset
 * around the digest keep nothing either.
 */
public final class StreamedAttachmentContentTransform extends AttachmentContentSignatureTransform {

    static final String PROVIDER = "LexBridgeAttachmentContentTransform";

    @Override
    protected Data processAttachment(XMLCryptoContext context, OutputStream os, String attachmentUri,
                                     Attachment attachment) throws TransformException {
        AttachmentDigestCopy.drop(os);
        return super.processAttachment(context, os, attachmentUri, attachment);
    }

    /** Installs the transform's provider first in the JVM's list; once. */
    static synchronized void install() {
        if (Security.getProvider(PROVIDER) == null) {
            Security.insertProviderAt(new TransformProvider(), 1);
        }
    }

    /** Provides only this transform, for DOM, so nothing else in the JVM changes provider. */
    private static final class TransformProvider extends Provider {
        TransformProvider() {
            super(PROVIDER, "1.0", "SwA attachment content transform without a digest copy");
            put("TransformService." + TRANSFORM_URI, StreamedAttachmentContentTransform.class.getName());
            put("TransformService." + TRANSFORM_URI + " MechanismType", "DOM");
        }
    }
}
