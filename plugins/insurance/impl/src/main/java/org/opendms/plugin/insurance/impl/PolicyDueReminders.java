package org.opendms.plugin.insurance.impl;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.workorder.api.reception.ReceptionReminder;
import org.opendms.workorder.api.reception.ReceptionReminderSource;
import org.opendms.workorder.api.reception.ReceptionVisit;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * At reception, where the renewal is sold: each policy of the car on file that ends within the renewal window (or ended
 * lately) and that no later policy of its kind follows raises {@code insurance.policy_due}, as on the renewal list.
 */
@Component(service = ReceptionReminderSource.class)
public class PolicyDueReminders implements ReceptionReminderSource {

    @Reference(target = "(osgi.unit.name=dms-insurance)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.plugin.insurance.impl)")
    SchemaReady schema;

    /** The configured renewal window. */
    @Reference
    InsuranceService insurance;

    @Override
    public List<ReceptionReminder> remindersFor(ReceptionVisit visit) {
        LocalDate day = visit.day();
        List<PolicyEntity> due = jpa.txExpr(em -> em.createQuery("SELECT p FROM PolicyEntity p WHERE p.vehicleId = :v"
                + " AND p.endDate BETWEEN :from AND :to AND NOT EXISTS (SELECT q.id FROM PolicyEntity q"
                + " WHERE q.vehicleId = p.vehicleId AND q.kind = p.kind AND q.endDate > p.endDate)"
                + " ORDER BY p.endDate, p.id", PolicyEntity.class).setParameter("v", visit.vehicleId())
                .setParameter("from", day.minusDays(InsuranceService.EXPIRED_SHOWN_DAYS))
                .setParameter("to", day.plusDays(insurance.renewalWindowDays())).getResultList());
        return due.stream().map(p -> reminder(p, day)).toList();
    }

    static ReceptionReminder reminder(PolicyEntity p, LocalDate day) {
        long left = ChronoUnit.DAYS.between(day, p.endDate);
        String policy = p.kind.label() + "（" + p.insurer + " " + p.policyNumber + "）";
        String policyEn = p.kind + " policy (" + p.insurer + " " + p.policyNumber + ")";
        return left >= 0
                ? new ReceptionReminder("insurance.policy_due",
                        policy + "将于 " + p.endDate + " 到期（还有 " + left + " 天），可推荐续保",
                        "the " + policyEn + " ends on " + p.endDate + " (in " + left + " days): offer the renewal")
                : new ReceptionReminder("insurance.policy_due",
                        policy + "已于 " + p.endDate + " 到期（已过 " + -left + " 天），请推荐续保",
                        "the " + policyEn + " ended on " + p.endDate + " (" + -left + " days ago): offer the renewal");
    }
}
