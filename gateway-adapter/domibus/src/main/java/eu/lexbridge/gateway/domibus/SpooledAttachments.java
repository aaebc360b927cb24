package eu.lexbridge.gateway.domibus;

import java.io.IOException;
import java.util.Collection;
import org.apache.cxf.attachment.AttachmentDataSource;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Attachment;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Spools each MTOM attachment of a message from Domibus to disk, within the endpoint's attachment limits
 * ({@code attachment-max-size}, {@code attachment-memory-threshold}), before the connector reads it. CXF applies those
 * limits only to an attachment it caches, and since nothing else reads a payload first (no schema validation of the
 * body: {@link HeaderContract}), a payload over the limit would otherwise stream into the connector whole.
 */
final class SpooledAttachments extends AbstractPhaseInterceptor<Message> {

    SpooledAttachments() {
        super(Phase.POST_LOGICAL);
    }

    @Override
    public void handleMessage(Message message) {
        Collection<Attachment> attachments = message.getAttachments();
        if (attachments == null) {
            return;
        }
        for (Attachment attachment : attachments) {
            if (attachment.getDataHandler() != null
                    && attachment.getDataHandler().getDataSource() instanceof AttachmentDataSource source
                    && !source.isCached()) {
                try {
                    source.cache(message);
                } catch (IOException e) {
                    throw new Fault(e);
                }
            }
        }
    }
}
