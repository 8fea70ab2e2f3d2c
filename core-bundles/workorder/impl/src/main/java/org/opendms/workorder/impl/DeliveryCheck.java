package org.opendms.workorder.impl;

import java.util.ArrayList;
import java.util.List;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.workorder.api.DeliveryRule;
import org.opendms.workorder.api.WorkOrder;

/** What the registered delivery rules (settlement) say about handing a car back. */
final class DeliveryCheck {

    private DeliveryCheck() {
    }

    /** Every registered delivery rule asked; CONFLICT with all their refusals, nothing changed. */
    static void refuseDelivery(List<DeliveryRule> rules, WorkOrder wo) {
        List<Violation> refusals = new ArrayList<>();
        for (DeliveryRule rule : rules) {
            List<Violation> r = rule.refusals(wo);
            if (r != null) {
                refusals.addAll(r);
            }
        }
        if (!refusals.isEmpty()) {
            throw new DmsException(DmsException.Kind.CONFLICT, refusals);
        }
    }
}
