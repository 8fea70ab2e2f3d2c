package org.opendms.parts.api;

import java.util.List;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The parts catalogue (配件档案). Every refusal is a {@link DmsException} naming the field, in Chinese and English, and
 * changes nothing; changes take the version the user read ({@code stale_version} otherwise) and are in the audit trail.
 */
@ProviderType
public interface Catalogue {

    /**
     * Adds a part. @throws DmsException INVALID_INPUT naming the field; CONFLICT {@code part.duplicate} (field
     * {@code number}) when a part with the same key exists
     */
    Part add(PartDraft draft, Actor actor);

    /**
     * Changes a part at the version read. Its number may change only while it has no ledger entry
     * ({@code part.number_in_use}); {@code batchTracked} and {@code decimal} only while it has no stock
     * ({@code part.has_stock}).
     */
    Part update(long id, long expectedVersion, PartDraft draft, Actor actor);

    /**
     * Withdraws a part from, or puts it back into, the catalogue; a withdrawn part is not received, issued nor reserved
     * ({@code part.inactive}). Refused while it has stock on hand or reserved ({@code part.has_stock}).
     */
    Part setActive(long id, long expectedVersion, boolean active, String reason, Actor actor);

    /** @throws DmsException NOT_FOUND {@code id} */
    Part get(long id);

    /** The part whose key equals the key of the number typed or scanned, with its successors; empty if none. */
    Optional<PartLookup> lookup(String partNumber);

    /** Parts matching the query, by number. */
    Page<Part> search(PartQuery query, PageRequest page);

    /** The categories in use, sorted. */
    List<String> categories();

    /**
     * Records that a part is superseded (替代件). Its demand history follows: {@link #family(long)} lists the part with
     * its predecessors, whose consumption counts for the successor.
     *
     * @throws DmsException INVALID_INPUT naming {@code successors[i].partNumber}, {@code kind}, {@code effectiveFrom};
     *                      CONFLICT {@code supersession.cycle}
     */
    List<Supersession> supersede(long partId, SupersessionDraft draft, Actor actor);

    /** Ends a part's supersessions of that kind (recorded wrongly, or the manufacturer withdrew it). */
    void endSupersession(long partId, SupersessionKind kind, String reason, Actor actor);

    /** A part's supersessions, in effect or to come, by kind and successor. */
    List<Supersession> supersessions(long partId);

    /**
     * The part and every part it replaces, directly or over several steps (REPLACED and KIT): the ids whose issues
     * count as the part's demand.
     */
    List<Long> family(long partId);
}
