package eu.lexbridge.directory;

import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Partner;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Partners from configuration, read once at start-up (their certificates already parsed), so a bad entry stops the
 * start rather than the first message to that partner.
 */
public final class ConfiguredPartnerDirectory implements PartnerDirectory {

    private final Map<String, Partner> byPartyId = new LinkedHashMap<>();

    /** @throws IllegalArgumentException if two partners share a party id: messages from it could not be attributed */
    public ConfiguredPartnerDirectory(List<Partner> partners) {
        for (Partner partner : partners) {
            String partyId = partner.party().partyId();
            if (byPartyId.put(partyId, partner) != null) {
                throw new IllegalArgumentException("lexbridge.network.partners: party id " + partyId
                        + " is configured twice");
            }
        }
    }

    @Override
    public Optional<Partner> byPartyId(String partyId) {
        return Optional.ofNullable(byPartyId.get(partyId));
    }
}
