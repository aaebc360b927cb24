package eu.lexbridge.core.testkit;

import eu.lexbridge.core.port.AuthorityDirectory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Competent authorities as the test registers them: one per instrument, role and place, found by exact match. */
public final class InMemoryAuthorityDirectory implements AuthorityDirectory {

    private final Map<Competence, Authority> authorities = new ConcurrentHashMap<>();

    /** Makes {@code authority} the competent one for {@code competence}, in place of any before it. */
    public InMemoryAuthorityDirectory register(Competence competence, Authority authority) {
        authorities.put(competence, authority);
        return this;
    }

    @Override
    public Optional<Authority> competent(Competence query) {
        return Optional.ofNullable(authorities.get(query));
    }
}
