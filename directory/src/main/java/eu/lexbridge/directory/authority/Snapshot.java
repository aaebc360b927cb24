package eu.lexbridge.directory.authority;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A whole directory as published at one moment.
 *
 * @param version the publisher's sequence number: a later snapshot has a larger one, so an older copy never replaces a
 *     newer one
 * @param published when it was published
 * @param publisher who published it, for people
 * @param sha256 the SHA-256 of its JSON, hex: what the seal covers, and the HTTP entity tag of its file
 */
public record Snapshot(long version, Instant published, String publisher, String sha256,
                       List<AuthorityEntry> authorities) {
    public Snapshot {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(sha256, "sha256");
        authorities = List.copyOf(authorities);
    }

    /** How a lookup names its source: {@code directory snapshot 42 of 2026-12-01T00:00:00Z}. */
    public String describe() {
        return "directory snapshot " + version + " of " + published;
    }
}
