package org.opendms.plugin.membership.impl;

import java.util.List;

import org.opendms.workorder.api.reception.ReceptionReminder;
import org.opendms.workorder.api.reception.ReceptionReminderSource;
import org.opendms.workorder.api.reception.ReceptionVisit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** At reception: the member's count cards usable for the car, e.g. "保养套餐还剩 3 次", so the advisor offers them. */
@Component(service = ReceptionReminderSource.class)
public class CountCardReminders implements ReceptionReminderSource {

    @Reference
    JpaCountCards cards;

    @Override
    public List<ReceptionReminder> remindersFor(ReceptionVisit visit) {
        return cards.jpa().txExpr(em -> em.createQuery("SELECT c FROM CountCardEntity c, MemberEntity m WHERE"
                + " m.id = c.memberId AND m.customerId = :c AND m.active = :a AND c.usesLeft > 0 AND c.expiresOn >= :d"
                + " AND (c.vehicleId IS NULL OR c.vehicleId = :v) ORDER BY c.expiresOn", CountCardEntity.class)
                .setParameter("c", visit.customerId()).setParameter("a", true).setParameter("d", visit.day())
                .setParameter("v", visit.vehicleId()).getResultList().stream()
                .map(c -> new ReceptionReminder("membership.count_card",
                        c.productName + "还剩 " + c.usesLeft + " 次（" + c.cardNumber + "，" + c.expiresOn + " 前有效）",
                        c.productName + ": " + c.usesLeft + " uses left (" + c.cardNumber + ", until " + c.expiresOn
                                + ")"))
                .toList());
    }
}
