package eu.lexbridge.gateway.as4;

import com.helger.phase4.crypto.IAS4DecryptParameterModifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.ext.Attachment;
import org.apache.wss4j.common.ext.AttachmentResultCallback;
import org.apache.wss4j.dom.handler.RequestData;

/**
 * Writes each attachment WSS4J decrypts to a file in the request's spool as it is decrypted, and gives phase4 that file
 * instead of the decrypting stream. WSS4J checks the signature over the decrypted bytes next: it marks the stream,
 * digests it and resets it, and a decrypting stream cannot go back, so WSS4J kept everything it read in a
 * {@code BufferedInputStream} until the message was handed over (the receiver held ~250 MB for 100 MB). A file read
 * through {@link MarkableFileInput} goes back by seeking. Reading to the end here also checks the AES-GCM tag before
 * any of the content is used.
 *
 * <p>One instance per request: it wraps phase4's attachment callback handler of that request
 * ({@link IAS4DecryptParameterModifier#modifyRequestData} is called after phase4 set it).
 */
final class DecryptedAttachments implements IAS4DecryptParameterModifier {

    private final SpooledRequest spool;

    DecryptedAttachments(SpooledRequest spool) {
        this.spool = spool;
    }

    @Override
    public void modifyRequestData(RequestData requestData) {
        CallbackHandler phase4 = requestData.getAttachmentCallbackHandler();
        if (phase4 != null) {
            requestData.setAttachmentCallbackHandler(callbacks -> handle(callbacks, phase4));
        }
    }

    private void handle(Callback[] callbacks, CallbackHandler phase4) throws IOException,
            UnsupportedCallbackException {
        for (Callback callback : callbacks) {
            // A result whose stream can go back (the signature check's, over our file) is passed on as it is.
            if (callback instanceof AttachmentResultCallback result && result.getAttachment() != null
                    && result.getAttachment().getSourceStream() != null
                    && !result.getAttachment().getSourceStream().markSupported()) {
                result.setAttachment(toFile(result.getAttachment()));
            }
        }
        phase4.handle(callbacks);
    }

    private Attachment toFile(Attachment decrypted) throws IOException {
        Path file = spool.newFile("decrypted-");
        try (InputStream in = decrypted.getSourceStream(); OutputStream out = Files.newOutputStream(file)) {
            in.transferTo(out);
        }
        Attachment spooled = new Attachment();
        spooled.setId(decrypted.getId());
        spooled.setMimeType(decrypted.getMimeType());
        spooled.addHeaders(decrypted.getHeaders());
        spooled.setSourceStream(MarkableFileInput.open(file));
        return spooled;
    }
}
