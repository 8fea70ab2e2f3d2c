package org.opendms.workorder.impl;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.opendms.vehicle.api.Vehicle;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.ReceptionBrief.DueDate;
import org.opendms.workorder.api.ReceptionBrief.MaintenanceDue;
import org.opendms.workorder.api.ReceptionBrief.PastVisit;
import org.opendms.workorder.api.ReceptionBrief.Reminder;
import org.opendms.workorder.api.VisitType;
import org.opendms.workorder.api.WorkOrderStatus;

/** Works out the reception brief of a work order from the vehicle's other work orders and its file. */
final class ReceptionBriefs {

    /** How far apart maintenance visits are, and how early due dates are raised. */
    record Intervals(int maintenanceKm, int maintenanceMonths, int dueSoonDays) {
        static final Intervals DEFAULTS = new Intervals(5000, 6, 30);
    }

    static final int RECENT_VISITS = 5;
    /** Maintenance this close (km or days) counts as soon. */
    static final int SOON_KM = 500;
    static final int SOON_DAYS = 30;

    private ReceptionBriefs() {
    }

    static ReceptionBrief brief(EntityManager em, WorkOrderEntity wo, Vehicle vehicle, Intervals intervals,
            ZoneId zone) {
        LocalDate today = day(wo.openedAt, zone);
        // bounded: a fleet car may have hundreds of visits, the brief shows the last few and the last maintenance
        List<WorkOrderEntity> recentOrders = earlier(em, wo, null).setMaxResults(RECENT_VISITS).getResultList();
        List<PastVisit> recent = visits(em, recentOrders, zone);
        WorkOrderEntity lastMaintenance = recentOrders.stream().filter(w -> types(w).contains(VisitType.MAINTENANCE))
                .findFirst().orElseGet(() -> recentOrders.size() < RECENT_VISITS ? null
                        : earlier(em, wo, VisitType.MAINTENANCE).setMaxResults(1).getResultStream().findFirst()
                                .orElse(null));
        List<Reminder> reminders = new ArrayList<>();
        MaintenanceDue maintenance = lastMaintenance == null ? null
                : maintenance(lastMaintenance, wo, intervals, today, zone);
        if (maintenance != null && maintenance.due()) {
            reminders.add(new Reminder("maintenance.due",
                    "保养已到期（上次 " + maintenance.lastOn() + "，" + maintenance.lastKm() + " km；应于 " + maintenance.dueAtKm()
                            + " km 或 " + maintenance.dueOn() + " 前）",
                    "maintenance is due (last " + maintenance.lastOn() + " at " + maintenance.lastKm() + " km; due at "
                            + maintenance.dueAtKm() + " km or by " + maintenance.dueOn() + ")"));
        } else if (maintenance != null && maintenance.soon()) {
            reminders.add(new Reminder("maintenance.soon",
                    "保养即将到期（" + maintenance.dueAtKm() + " km 或 " + maintenance.dueOn() + "）",
                    "maintenance is due soon (" + maintenance.dueAtKm() + " km or " + maintenance.dueOn() + ")"));
        }
        DueDate insurance = due(vehicle.insuranceDueDate(), today, intervals.dueSoonDays());
        remind(reminders, insurance, "insurance", "保险", "the insurance");
        DueDate inspection = due(vehicle.inspectionDueDate(), today, intervals.dueSoonDays());
        remind(reminders, inspection, "inspection", "年检", "the annual inspection");
        PastVisit comebackOf = null;
        if (wo.comebackOfId != null) {
            WorkOrderEntity earlier = em.find(WorkOrderEntity.class, wo.comebackOfId);
            comebackOf = earlier == null ? null : visits(em, List.of(earlier), zone).get(0);
            if (wo.comebackDecision == ComebackDecision.PROPOSED) {
                reminders.add(new Reminder("comeback.possible",
                        "可能是返修：" + wo.comebackOfNumber + " 交车不久，请确认或否定",
                        "this may be a comeback of " + wo.comebackOfNumber
                                + ", delivered recently: confirm or reject"));
            }
        }
        followUps(em, wo, zone, reminders);
        return new ReceptionBrief(wo.id, vehicle.id(), vehicle.plate(), vehicle.vin(), vehicle.make(), vehicle.model(),
                vehicle.year(), vehicle.lastOdometerKm(), recent, maintenance, insurance, inspection, comebackOf,
                reminders);
    }

    /** Each job the customer declined on an earlier visit and nobody took up or dismissed since. */
    private static void followUps(EntityManager em, WorkOrderEntity wo, ZoneId zone, List<Reminder> reminders) {
        List<JobEntity> declined = em.createQuery("SELECT j FROM JobEntity j WHERE " + JpaFollowUps.OPEN
                + " AND j.workOrderId IN (SELECT w.id FROM WorkOrderEntity w WHERE w.vehicleId = :v AND w.id <> :self)"
                + " ORDER BY j.declinedAt, j.id", JobEntity.class).setParameter("v", wo.vehicleId)
                .setParameter("self", wo.id).getResultList();
        for (JobEntity j : declined) {
            LocalDate on = day(j.declinedAt, zone);
            reminders.add(new Reminder("followup.declined",
                    "待跟进：" + on + " 客户拒绝的项目“" + j.concern + "”（" + j.declineReason + "），可加入本次工单",
                    "follow-up: on " + on + " the customer declined \"" + j.concern + "\" (" + j.declineReason
                            + "); it can be added to this work order"));
        }
    }

    private static MaintenanceDue maintenance(WorkOrderEntity last, WorkOrderEntity now, Intervals intervals,
            LocalDate today,
            ZoneId zone) {
        LocalDate lastOn = day(last.openedAt, zone);
        int dueAtKm = last.mileageInKm + intervals.maintenanceKm();
        LocalDate dueOn = lastOn.plusMonths(intervals.maintenanceMonths());
        boolean due = now.mileageInKm >= dueAtKm || !today.isBefore(dueOn);
        boolean soon = !due && (now.mileageInKm >= dueAtKm - SOON_KM || !today.isBefore(dueOn.minusDays(SOON_DAYS)));
        return new MaintenanceDue(last.number, lastOn, last.mileageInKm, dueAtKm, dueOn, due, soon);
    }

    private static DueDate due(LocalDate date, LocalDate today, int soonDays) {
        if (date == null) {
            return null;
        }
        long left = ChronoUnit.DAYS.between(today, date);
        return new DueDate(date, left, left <= soonDays);
    }

    private static void remind(List<Reminder> reminders, DueDate due, String code, String zh, String en) {
        if (due == null || !due.soon()) {
            return;
        }
        if (due.daysLeft() < 0) {
            reminders.add(new Reminder(code + ".expired", zh + "已于 " + due.date() + " 到期（已过 " + -due.daysLeft() + " 天）",
                    en + " fell due on " + due.date() + " (" + -due.daysLeft() + " days ago)"));
        } else {
            reminders.add(new Reminder(code + ".due", zh + "将于 " + due.date() + " 到期（还有 " + due.daysLeft() + " 天）",
                    en + " falls due on " + due.date() + " (in " + due.daysLeft() + " days)"));
        }
    }

    /** The vehicle's other work orders opened before this one, newest first; only those of a visit type if given. */
    private static TypedQuery<WorkOrderEntity> earlier(EntityManager em, WorkOrderEntity wo, VisitType type) {
        TypedQuery<WorkOrderEntity> q = em.createQuery("SELECT w FROM WorkOrderEntity w WHERE w.vehicleId = :v"
                + " AND w.id <> :self AND w.status <> :cancelled AND w.openedAt <= :opened"
                + (type == null ? "" : " AND w.visitTypes LIKE :type")
                + " ORDER BY w.openedAt DESC, w.id DESC", WorkOrderEntity.class)
                .setParameter("v", wo.vehicleId).setParameter("self", wo.id)
                .setParameter("cancelled", WorkOrderStatus.CANCELLED).setParameter("opened", wo.openedAt);
        // visit types are stored as their names joined by commas; no name is part of another
        return type == null ? q : q.setParameter("type", "%" + type.name() + "%");
    }

    /** The visits with their concerns, read in one query. */
    private static List<PastVisit> visits(EntityManager em, List<WorkOrderEntity> orders, ZoneId zone) {
        if (orders.isEmpty()) {
            return new ArrayList<>();
        }
        Map<Long, List<String>> concerns = new HashMap<>();
        em.createQuery("SELECT j.workOrderId, j.concern FROM JobEntity j WHERE j.workOrderId IN :w"
                + " ORDER BY j.workOrderId, j.seq", Object[].class)
                .setParameter("w", orders.stream().map(w -> w.id).toList()).getResultList()
                .forEach(r -> concerns.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        List<PastVisit> visits = new ArrayList<>();
        for (WorkOrderEntity w : orders) {
            visits.add(new PastVisit(w.id, w.number, w.status, types(w), day(w.openedAt, zone), w.mileageInKm,
                    w.deliveredAt == null ? null : day(w.deliveredAt, zone), concerns.getOrDefault(w.id, List.of())));
        }
        return visits;
    }

    private static List<VisitType> types(WorkOrderEntity w) {
        return Arrays.stream(w.visitTypes.split(",")).map(VisitType::valueOf).sorted().toList();
    }

    /** Stored times are UTC. */
    private static LocalDate day(java.time.LocalDateTime utc, ZoneId zone) {
        return utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
    }
}
