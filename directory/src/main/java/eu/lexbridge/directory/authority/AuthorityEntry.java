package eu.lexbridge.directory.authority;

import eu.lexbridge.core.authority.EcodexAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One authority of the directory, or one service provider's addressee under Regulation 2023/1543.
 *
 * @param id the directory's id for it, stable across snapshots
 * @param names its name by ISO 639-1 language
 * @param languages the languages it accepts messages in (ISO 639-1); empty when the directory does not say
 * @param address where it is reached on e-CODEX, or {@code null} when every competence routes through a central
 *     authority
 * @param validFrom the first day it may be addressed, or {@code null}
 * @param validUntil the last day it may be addressed, or {@code null}
 * @param serviceProvider for an addressee, the service provider it acts for; otherwise {@code null}
 */
public record AuthorityEntry(String id, AuthorityKind kind, Map<String, String> names, List<String> languages,
                             EcodexAddress address, LocalDate validFrom, LocalDate validUntil, String serviceProvider,
                             List<Competence> competences) {
    public AuthorityEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        names = Map.copyOf(names);
        languages = List.copyOf(languages);
        competences = List.copyOf(competences);
    }

    /** Its name for people: in English when the directory has it, else the first it gives. */
    public String name() {
        String english = names.get("en");
        return english != null ? english : names.values().stream().sorted().findFirst().orElse(id);
    }

    public boolean validOn(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validUntil == null || !day.isAfter(validUntil));
    }
}
