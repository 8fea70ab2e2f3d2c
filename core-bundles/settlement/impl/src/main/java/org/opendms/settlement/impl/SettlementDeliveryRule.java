package org.opendms.settlement.impl;

import java.util.List;

import org.opendms.platform.api.Violation;
import org.opendms.settlement.api.Settlements;
import org.opendms.workorder.api.DeliveryRule;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** No car leaves before its customer document is paid or on account, unless the manager allowed it. */
@Component(service = DeliveryRule.class)
public class SettlementDeliveryRule implements DeliveryRule {

    @Reference
    Settlements settlements;

    public SettlementDeliveryRule() {
    }

    SettlementDeliveryRule(Settlements settlements) {
        this.settlements = settlements;
    }

    @Override
    public List<Violation> refusals(WorkOrder workOrder) {
        return settlements.deliveryRefusals(workOrder.id());
    }
}
