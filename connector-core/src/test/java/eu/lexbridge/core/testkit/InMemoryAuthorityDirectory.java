package eu.lexbridge.core.testkit;

import eu.lexbridge.core.authority.Lookup;
import eu.lexbridge.core.authority.RecipientQuery;
import eu.lexbridge.core.port.AuthorityDirectory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Competent authorities as a test registers them: the matches of a query, found by an equal query. */
public final class InMemoryAuthorityDirectory implements AuthorityDirectory {

    public static final String SOURCE = "the test's directory";

    private final Map<RecipientQuery, List<Lookup.Match>> matches = new ConcurrentHashMap<>();

    /** Adds {@code match} to the answer to {@code query}. */
    public InMemoryAuthorityDirectory register(RecipientQuery query, Lookup.Match match) {
        matches.computeIfAbsent(query, q -> new CopyOnWriteArrayList<>()).add(match);
        return this;
    }

    @Override
    public Lookup find(RecipientQuery query) {
        return new Lookup(query, matches.getOrDefault(query, List.of()), SOURCE);
    }
}
