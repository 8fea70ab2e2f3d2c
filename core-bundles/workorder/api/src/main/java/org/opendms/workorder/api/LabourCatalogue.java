package org.opendms.workorder.api;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/** The labour catalogue (工时目录): the shop's operations with their flat-rate hours and trade. */
@ProviderType
public interface LabourCatalogue {

    /**
     * Adds an operation to the labour catalogue ({@code expectedVersion} null) or changes one (the version read;
     * CONFLICT {@code stale_version} if it changed since). An operation is never removed, only retired
     * ({@code active} false), so that old lines keep their meaning.
     *
     * @throws DmsException FORBIDDEN for a role that may not keep the catalogue; CONFLICT {@code labour.exists} when
     *                      adding a code already there; NOT_FOUND when changing one that is not
     */
    LabourOperation save(LabourOperationDraft draft, Long expectedVersion, Actor actor);

    /** @throws DmsException NOT_FOUND */
    LabourOperation get(String code);

    /**
     * The catalogue by code.
     *
     * @param text       optional: a code prefix or part of the name
     * @param activeOnly leave out retired operations
     */
    Page<LabourOperation> search(String text, boolean activeOnly, PageRequest page);
}
