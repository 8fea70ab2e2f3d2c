package org.opendms.parts.api;

import java.util.List;

/**
 * A part found by its number, with what to use instead when it is superseded: the clerk who types the old number is
 * offered the successor.
 *
 * @param part       the part whose key matched
 * @param successors its supersessions in effect today (REPLACED or KIT: use these instead; ALTERNATIVE: may be used)
 * @param current    for a part REPLACED 1:1 (also over several steps): the last part of the chain, the one to issue;
 *                   otherwise the part itself
 */
public record PartLookup(Part part, List<Supersession> successors, Part current) {

    public PartLookup {
        successors = List.copyOf(successors);
    }

    /** True when the part is replaced (1:1 or by a kit) today. */
    public boolean superseded() {
        return successors.stream().anyMatch(s -> s.kind() != SupersessionKind.ALTERNATIVE);
    }
}
