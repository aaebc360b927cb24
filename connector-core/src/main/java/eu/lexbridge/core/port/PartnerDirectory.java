package eu.lexbridge.core.port;

import eu.lexbridge.core.transport.Partner;
import java.util.Optional;

/** The connectors we exchange with, by their AS4 party id. */
public interface PartnerDirectory {

    Optional<Partner> byPartyId(String partyId);
}
