package org.opendms.printing.api;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Prints a work order's sheets as PDF (Chinese text in an embedded TrueType subset). Fonts are loaded on the first
 * print, not at start-up.
 */
@ProviderType
public interface Sheets {

    /**
     * The sheet as a PDF document.
     *
     * @throws DmsException NOT_FOUND {@code workOrderId}; CONFLICT {@code workOrderId} {@code settlement.none} for a
     *                      bill of a work order with no customer document, {@code workorder.not_completed} for a
     *                      certificate before completion; FORBIDDEN for a role that may not print that kind
     */
    byte[] print(SheetKind kind, long workOrderId, Paper paper, Actor actor);

    /** The permission that printing {@code kind} needs (e.g. {@code print.bill}). */
    static String permission(SheetKind kind) {
        return "print." + kind.slug();
    }
}
