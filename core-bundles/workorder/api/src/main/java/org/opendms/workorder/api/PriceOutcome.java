package org.opendms.workorder.api;

/**
 * What became of a price change.
 *
 * @param workOrder the work order after it
 * @param request   the pending request it became, awaiting the manager; null when the price applied at once
 */
public record PriceOutcome(WorkOrder workOrder, PriceRequest request) {

    public boolean pending() {
        return request != null;
    }
}
