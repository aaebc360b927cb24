package eu.lexbridge.gateway.as4;

import com.helger.base.state.EChange;
import com.helger.base.state.EContinue;
import com.helger.collection.commons.CommonsArrayList;
import com.helger.collection.commons.ICommonsList;
import com.helger.phase4.duplicate.IAS4DuplicateItem;
import com.helger.phase4.duplicate.IAS4DuplicateManager;
import com.helger.phase4.mgr.AS4ManagerFactoryInMemory;
import java.time.OffsetDateTime;

/**
 * Leaves duplicate detection to the connector. phase4's own check is in memory, forgets after 10 minutes and answers a
 * re-sent message with EBMS:0004, so a sender whose receipt got lost would see a failure for a message we hold. The
 * {@link eu.lexbridge.core.port.TransmissionReceiver} detects duplicates durably by ebMS id and answers
 * {@link eu.lexbridge.core.transport.ReceptionOutcome#DUPLICATE}; we then send the receipt again, as reception
 * awareness asks.
 */
final class ReceiverSideDuplicates extends AS4ManagerFactoryInMemory {

    @Override
    public IAS4DuplicateManager createDuplicateManager() {
        return new IAS4DuplicateManager() {
            @Override
            public boolean isEmpty() {
                return true;
            }

            @Override
            public int size() {
                return 0;
            }

            @Override
            public IAS4DuplicateItem getItemOfMessageID(String messageId) {
                return null;
            }

            @Override
            public ICommonsList<IAS4DuplicateItem> getAll() {
                return new CommonsArrayList<>();
            }

            @Override
            public EContinue registerAndCheck(String messageId, String profileId, String pmodeId) {
                return EContinue.CONTINUE;
            }

            @Override
            public EChange clearCache() {
                return EChange.UNCHANGED;
            }

            @Override
            public ICommonsList<String> evictAllItemsBefore(OffsetDateTime dateTime) {
                return new CommonsArrayList<>();
            }
        };
    }
}
