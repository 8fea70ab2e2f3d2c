package org.opendms.settlement.impl;

import java.util.List;

import org.opendms.platform.api.Violation;
import org.opendms.settlement.api.Settlements;
import org.opendms.workorder.api.DeliveryRule;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * No car leaves before its customer document is paid or on account, unless the manager allowed it; a shop that takes
 * money outside the platform turns this off ({@code deliveryNeedsPayment = false}).
 */
@Component(service = DeliveryRule.class, configurationPid = SettlementConfig.PID)
public class SettlementDeliveryRule implements DeliveryRule {

    @Reference
    Settlements settlements;

    private volatile boolean needsPayment = true;

    public SettlementDeliveryRule() {
    }

    SettlementDeliveryRule(Settlements settlements) {
        this.settlements = settlements;
    }

    @Activate
    @Modified
    void configure(SettlementConfig config) {
        needsPayment = config.deliveryNeedsPayment();
    }

    @Override
    public List<Violation> refusals(WorkOrder workOrder) {
        return needsPayment ? settlements.deliveryRefusals(workOrder.id()) : List.of();
    }
}
