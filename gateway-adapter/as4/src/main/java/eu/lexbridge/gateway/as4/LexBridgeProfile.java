package eu.lexbridge.gateway.as4;

import com.helger.annotation.style.IsSPIImplementation;
import com.helger.phase4.model.pmode.IPModeIDProvider;
import com.helger.phase4.profile.AS4Profile;
import com.helger.phase4.profile.IAS4ProfileRegistrar;
import com.helger.phase4.profile.IAS4ProfileRegistrarSPI;

/**
 * Registers our eDelivery AS4 profile with phase4 (found through {@code META-INF/services}). The CEF and eDelivery 2
 * profile modules that would give us this are not on the Maven Central we can reach. One phase4 profile serves 1.x and
 * 2.0: phase4 picks the profile before it knows the sender, and which of the two a message must follow is its
 * partner's ({@link ProfilePolicy}).
 */
@IsSPIImplementation
public final class LexBridgeProfile implements IAS4ProfileRegistrarSPI {

    /** The AS4 profile id phase4 knows our profile by. */
    public static final String ID = "lexbridge-edelivery-1";

    @Override
    public void registerAS4Profile(IAS4ProfileRegistrar registrar) {
        // No PMode template: every PMode is built from a known partner by EDeliveryPMode, never guessed from a request.
        // Test (ping) messages are answered by phase4 and never reach the connector.
        registrar.registerProfile(new AS4Profile(ID, "LexBridge eDelivery AS4 1.x and 2.0 (e-CODEX)", EDeliveryProfileValidator::new,
                (initiatorId, responderId, address) -> null, IPModeIDProvider.DEFAULT_DYNAMIC, false, false));
    }
}
