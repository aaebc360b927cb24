package eu.lexbridge.core.flow;

import eu.lexbridge.core.error.ConnectorException;
import eu.lexbridge.core.error.ErrorCode;
import eu.lexbridge.core.port.SettingStore;
import eu.lexbridge.core.port.SettingStore.Setting;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partners whose sends an operator holds during their announced maintenance: nothing is sent to a held partner
 * (its messages wait in the broker, tried again with back-off, each attempt on their timeline) until it is released.
 * The relay timeout keeps counting: a hold longer than it ends the messages with RELAY_REMMD_FAILURE, which an
 * operator can send again ({@link Resend}). Kept as a setting, so a restart and every replica hold the same partners,
 * and each hold and release is a version that says who and when.
 */
public final class PartnerHolds {

    /** What a hold is kept as: the configured setting has none. */
    private static final String NO_CONFIGURATION = "none";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int MAX_REASON = 500;

    private final SettingStore settings;
    private final Clock clock;

    public PartnerHolds(SettingStore settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One partner held. */
    public record Hold(String partner, String reason, String heldBy, Instant since) {
        public Hold {
            Objects.requireNonNull(partner, "partner");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(heldBy, "heldBy");
            Objects.requireNonNull(since, "since");
        }
    }

    /** The hold of the partner named {@code partner}, if it is held. */
    public Optional<Hold> of(String partner) {
        return Optional.ofNullable(read().get(partner));
    }

    /** Every partner held, in the order they were held. */
    public List<Hold> all() {
        return List.copyOf(read().values());
    }

    /**
     * Holds the sends to {@code partner}; holding it again keeps the first hold.
     *
     * @param partner a partner's name, as the directory knows it (checked by the caller)
     * @throws ConnectorException INVALID_FIELD for a name or reason that cannot be kept
     */
    public synchronized Hold hold(String partner, String reason, String heldBy) {
        check(partner);
        String why = reason == null || reason.isBlank() ? "maintenance" : clean(reason);
        if (why.length() > MAX_REASON) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "reason", "reason must be at most " + MAX_REASON
                    + " characters");
        }
        Map<String, Hold> holds = read();
        Hold existing = holds.get(partner);
        if (existing != null) {
            return existing;
        }
        Instant now = clock.instant();
        Hold hold = new Hold(partner, why, clean(heldBy), now);
        holds.put(partner, hold);
        settings.save(Setting.PARTNER_HOLDS, write(holds), NO_CONFIGURATION, hold.heldBy(), now);
        return hold;
    }

    /** Releases the sends to {@code partner}; they go at their next attempt. @return whether it was held */
    public synchronized boolean release(String partner, String releasedBy) {
        check(partner);
        Map<String, Hold> holds = read();
        if (holds.remove(partner) == null) {
            return false;
        }
        settings.save(Setting.PARTNER_HOLDS, write(holds), NO_CONFIGURATION, clean(releasedBy), clock.instant());
        return true;
    }

    private static void check(String partner) {
        if (partner == null || !NAME.matcher(partner).matches()) {
            throw new ConnectorException(ErrorCode.INVALID_FIELD, "partner", "partner must be a partner's name");
        }
    }

    /** Tabs and line breaks separate the fields and holds as kept: they become spaces. */
    private static String clean(String text) {
        return text.replaceAll("[\\t\\r\\n\\x00-\\x1f]", " ").strip();
    }

    private Map<String, Hold> read() {
        Map<String, Hold> holds = new LinkedHashMap<>();
        settings.latest(Setting.PARTNER_HOLDS).ifPresent(version -> {
            for (String line : version.text().split("\n")) {
                String[] fields = line.split("\t", 4);
                if (fields.length == 4) {
                    try {
                        holds.put(fields[0], new Hold(fields[0], fields[3], fields[2], Instant.parse(fields[1])));
                    } catch (DateTimeParseException e) {
                        // not written by this class: left out rather than guessed
                    }
                }
            }
        });
        return holds;
    }

    private static String write(Map<String, Hold> holds) {
        List<String> lines = new ArrayList<>();
        holds.values().forEach(h -> lines.add(h.partner() + "\t" + h.since() + "\t" + h.heldBy() + "\t" + h.reason()));
        return String.join("\n", lines);
    }
}
