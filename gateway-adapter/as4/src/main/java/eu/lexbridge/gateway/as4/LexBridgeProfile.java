package eu.lexbridge.gateway.as4;

import com.helger.annotation.style.IsSPIImplementation;
import com.helger.phase4.model.pmode.IPModeIDProvider;
import com.helger.phase4.profile.AS4Profile;
import com.helger.phase4.profile.IAS4ProfileRegistrar;
import com.helger.phase4.profile.IAS4ProfileRegistrarSPI;

/**
 * Registers our eDelivery AS4 1.x profile with phase4 (found through {@code META-INF/services}). The CEF profile module
 * that would give us this is not on the Maven Central we can reach.
 */
@IsSPIImplementation
public final class LexBridgeProfile implements IAS4ProfileRegistrarSPI {

    /** The AS4 profile id phase4 knows our profile by. */
    public static final String ID = "lexbridge-edelivery-1";

    @Override
    public void registerAS4Profile(IAS4ProfileRegistrar registrar) {
        // No PMode template: every PMode is built from a known partner by EDeliveryPMode, never guessed from a request.
        // Test (ping) messages are answered by phase4 and never reach the connector.
        registrar.registerProfile(new AS4Profile(ID, "LexBridge eDelivery AS4 1.x (e-CODEX)", EDeliveryProfileValidator::new,
                (initiatorId, responderId, address) -> null, IPModeIDProvider.DEFAULT_DYNAMIC, false, false));
    }
}
