package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.PartnerDirectory;
import eu.lexbridge.core.transport.Partner;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A fixed list of partners, as the configuration gives them. */
public final class FixedPartnerDirectory implements PartnerDirectory {

    private final Map<String, Partner> byPartyId;

    public FixedPartnerDirectory(List<Partner> partners) {
        this.byPartyId = partners.stream().collect(Collectors.toMap(p -> p.party().partyId(), Function.identity()));
    }

    public static FixedPartnerDirectory of(Partner... partners) {
        return new FixedPartnerDirectory(List.of(partners));
    }

    @Override
    public Optional<Partner> byPartyId(String partyId) {
        return Optional.ofNullable(byPartyId.get(partyId));
    }
}
