package eu.lexbridge.app.network;

import eu.lexbridge.app.config.NetworkProperties;
import eu.lexbridge.core.message.Party;
import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Partner;
import eu.lexbridge.trust.keys.KeyStores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Partners from configuration; their certificates are read once, at start-up, so a bad file stops the start. */
public final class ConfiguredPartnerDirectory implements PartnerDirectory {

    private final Map<String, Partner> byPartyId = new LinkedHashMap<>();

    public ConfiguredPartnerDirectory(NetworkProperties network) {
        for (var entry : network.partners()) {
            var partner = new Partner(entry.name(), new Party(entry.partyId(), entry.partyIdType(), entry.role()),
                    entry.endpoint(), KeyStores.readCertificate(entry.certificate()));
            if (byPartyId.put(entry.partyId(), partner) != null) {
                throw new IllegalArgumentException("lexbridge.network.partners: party id " + entry.partyId()
                        + " is configured twice");
            }
        }
    }

    @Override
    public Optional<Partner> byPartyId(String partyId) {
        return Optional.ofNullable(byPartyId.get(partyId));
    }
}
