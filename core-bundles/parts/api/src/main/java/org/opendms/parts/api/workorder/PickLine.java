package org.opendms.parts.api.workorder;

import java.math.BigDecimal;
import java.util.List;

/**
 * One part line of a pick list.
 *
 * @param partId      the catalogue part the line names; null for a special order not (yet) in the catalogue
 * @param quantity    what the line needs
 * @param reserved    still reserved for it in its warehouse
 * @param shortfall   what could not be reserved when asked (to order)
 * @param issued      issued to it in all
 * @param returned    returned from it in all
 * @param outstanding still to issue: quantity − (issued − returned), 0 or more; 0 for a line not needed
 * @param issueCost   the cost of what it holds net (issued − returned); null for roles without {@code parts.cost.read}
 * @param warehouseId where it is reserved or issued from; null when no warehouse has been chosen
 * @param available   available (on hand − reserved) of the part in that warehouse
 * @param bins        where the part lies in that warehouse (库位), with on hand
 * @param state       TO_ISSUE, PARTLY_ISSUED, ISSUED, NOT_NEEDED, ORDERED (waiting for an order), ARRIVED
 * @param order       the latest order for the line; null if none
 * @param notNeeded   the advisor's reason when marked not needed; null otherwise
 */
public record PickLine(long lineId, long jobId, int jobSeq, String partNumber, String name, Long partId,
        boolean specialOrder, BigDecimal quantity, BigDecimal reserved, BigDecimal shortfall, BigDecimal issued,
        BigDecimal returned, BigDecimal outstanding, BigDecimal issueCost, Long warehouseId, String warehouseCode,
        BigDecimal available, List<PickBin> bins, String state, PartOrder order, String notNeeded) {

    public PickLine {
        bins = List.copyOf(bins);
    }
}
