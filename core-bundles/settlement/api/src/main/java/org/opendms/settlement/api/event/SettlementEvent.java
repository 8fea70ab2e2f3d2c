package org.opendms.settlement.api.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.opendms.settlement.api.Payer;

/**
 * A committed settlement change.
 *
 * @param settlementId the document settled, or the reversal document
 * @param reversalOfId for a reversal: the document reversed; else null
 * @param payable      the document's payable amount (negative on a reversal)
 * @param methods      the tender methods used, in order
 */
public record SettlementEvent(long settlementId, String number, long workOrderId, long customerId, Payer payer,
        BigDecimal payable, List<String> methods, Long reversalOfId, Instant at, String by) {

    public SettlementEvent {
        methods = List.copyOf(methods);
    }
}
