package org.opendms.printing.impl;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.opendms.customer.api.Customer;
import org.opendms.parts.api.workorder.PickList;
import org.opendms.settlement.api.Settlement;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.WorkOrder;

/**
 * Everything a sheet prints, read from the published APIs before any PDF work starts. What a sheet does not need may be
 * null or empty.
 *
 * @param customer    the work order's customer as the printing user may see them (mobile masked); null if unknown
 * @param vehicle     null if unknown
 * @param documents   the work order's settlement documents, oldest first
 * @param eBillUrl    the customer's e-bill link for the bill's QR code; null prints no code
 * @param guarantee   the quality-guarantee period for the certificate; null for other sheets
 * @param completedAt when the work order was completed; null before
 */
record Visit(String shop, WorkOrder workOrder, Customer customer, Vehicle vehicle, List<Assignment> assignments,
        List<ClockEntry> clocks, PickList pickList, List<Settlement> documents, String eBillUrl, Guarantee guarantee,
        Instant completedAt, String terms, ZoneId zone, Instant printedAt) {

    Visit {
        assignments = assignments == null ? List.of() : List.copyOf(assignments);
        clocks = clocks == null ? List.of() : List.copyOf(clocks);
        documents = documents == null ? List.of() : List.copyOf(documents);
    }

    /** This visit with the e-bill link its bill's QR code carries. */
    Visit withEBill(String url) {
        return new Visit(shop, workOrder, customer, vehicle, assignments, clocks, pickList, documents, url, guarantee,
                completedAt, terms, zone, printedAt);
    }

    /** The quality-guarantee period (质量保证期) of a repair class, whichever of km and days comes first. */
    record Guarantee(String repairClass, int km, int days) {
    }
}
