package eu.lexbridge.core.flow;

import eu.lexbridge.core.message.BusinessService;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The service/action pairs this connector exchanges, from configuration. */
public record ServiceCatalogue(Set<Entry> entries) {
    public ServiceCatalogue {
        entries = Set.copyOf(entries);
    }

    /** Finds the configured service (with its type) for a service value and an action. */
    public Optional<BusinessService> find(String service, String action) {
        return entries.stream()
                .filter(e -> e.service().value().equals(service) && e.action().equals(action))
                .map(Entry::service)
                .findFirst();
    }

    /** The policy for a service value and an action; AUTHENTICATION when the pair is not configured. */
    public DocumentPolicy policy(String service, String action) {
        return entries.stream()
                .filter(e -> e.service().value().equals(service) && e.action().equals(action))
                .map(Entry::policy)
                .findFirst()
                .orElse(DocumentPolicy.AUTHENTICATION);
    }

    /** One configured pair and what it requires of the business document. */
    public record Entry(BusinessService service, String action, DocumentPolicy policy) {
        public Entry {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(policy, "policy");
        }

        public Entry(BusinessService service, String action) {
            this(service, action, DocumentPolicy.AUTHENTICATION);
        }
    }
}
