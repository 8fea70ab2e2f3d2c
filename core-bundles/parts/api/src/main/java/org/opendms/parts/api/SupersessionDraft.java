package org.opendms.parts.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A supersession to record: a part replaced by one part, by a kit, or given alternatives. It replaces the part's
 * earlier
 * supersession of the same kind (the ledger and the earlier rows stay).
 *
 * @param kind          required
 * @param successors    required; exactly one for {@link SupersessionKind#REPLACED}, at least two for a
 *                      {@link SupersessionKind#KIT}; each an existing active part other than the part itself, and no
 *                      chain back to it ({@code supersession.cycle})
 * @param effectiveFrom absent means today (shop's date)
 * @param note          optional, at most 200 characters
 */
public record SupersessionDraft(SupersessionKind kind, List<Successor> successors, LocalDate effectiveFrom,
        String note) {

    public SupersessionDraft {
        successors = successors == null ? List.of() : List.copyOf(successors);
    }

    /**
     * @param partNumber as typed or scanned
     * @param quantity   per one of the superseded part; absent means 1
     */
    public record Successor(String partNumber, BigDecimal quantity) {
    }

    /** Replaced 1:1 by {@code partNumber} from {@code effectiveFrom} (absent: today). */
    public static SupersessionDraft replacedBy(String partNumber, LocalDate effectiveFrom) {
        return new SupersessionDraft(SupersessionKind.REPLACED, List.of(new Successor(partNumber, BigDecimal.ONE)),
                effectiveFrom, null);
    }
}
