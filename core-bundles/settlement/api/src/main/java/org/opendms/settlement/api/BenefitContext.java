package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a {@link BenefitProvider} is told about the bill being built.
 *
 * @param workOrderId the work order settled
 * @param customerId  its customer
 * @param vehicleId   its vehicle
 * @param lines       the customer's lines, each with its net before any benefit or discount
 *
 * @since 1.4
 */
public record BenefitContext(long workOrderId, long customerId, long vehicleId, List<Line> lines) {

    public BenefitContext {
        lines = List.copyOf(lines);
    }

    /**
     * One line of the bill as the work order has it.
     *
     * @param workOrderLineId the work order's line: what a {@link Benefit} names
     * @param net             quantity × unit price less the line's own discount, yuan
     */
    public record Line(long workOrderLineId, long jobId, LineKind kind, String code, BigDecimal net) {
    }
}
