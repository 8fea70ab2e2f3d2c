package org.opendms.workorder.impl;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.opendms.platform.api.Stored;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.ComebackDecision;
import org.opendms.workorder.api.Findings;
import org.opendms.workorder.api.Job;
import org.opendms.workorder.api.QcRecord;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.WorkOrder;

/**
 * Puts what the work order keeps about each step (status moves, approvals, dispatch, clocks, QC) on one line of time.
 */
final class WorkOrderTimeline {

    /** Steps at the same instant read in this order: a failed check before the move back to repair it causes. */
    static final List<String> ORDER = List.of("OPENED", "PRICE", "APPROVED", "DECLINED", "DISPATCHED", "CLOCKED_ON",
            "CLOCKED_OFF", "FINDINGS", "QC_PASSED", "QC_FAILED", "COMEBACK", "PROMISE_CHANGED", "STATUS");

    private WorkOrderTimeline() {
    }

    static List<TimelineEntry> of(WorkOrder wo, List<StatusChange> history, List<ClockEntry> clocks,
            List<QcRecord> checks,
            List<Assignment> assignments, String comebackDecidedBy, Instant comebackDecidedAt) {
        List<TimelineEntry> steps = new ArrayList<>();
        for (StatusChange c : history) {
            if (c.from() == null) {
                steps.add(new TimelineEntry(c.at(), c.username(), "OPENED", null,
                        "接车开单 " + wo.number() + "（" + wo.plate() + "，进厂里程 " + wo.mileageInKm() + " km）",
                        "opened " + wo.number() + " (" + wo.plate() + ", " + wo.mileageInKm() + " km in)"));
            } else {
                String why = c.reason() == null ? "" : "：" + c.reason();
                steps.add(new TimelineEntry(c.at(), c.username(), "STATUS", null,
                        c.from().zh() + " → " + c.to().zh() + why,
                        c.from() + " → " + c.to() + (c.reason() == null ? "" : ": " + c.reason())));
            }
        }
        for (Job j : wo.jobs()) {
            if (j.approval() != null) {
                steps.add(new TimelineEntry(j.approval().at(), j.approval().recordedBy(), "APPROVED", j.id(),
                        job(j) + " 客户确认：" + j.approval().approvedBy() + "（" + j.approval().channel() + "）",
                        "job " + j.seq() + " approved by " + j.approval().approvedBy() + " (" + j.approval().channel()
                                + ")"));
            }
            if (j.findings() != null) {
                Findings f = j.findings();
                steps.add(new TimelineEntry(f.at(), f.recordedBy(), "FINDINGS", j.id(),
                        job(j) + " 故障原因：" + orNone(f.cause(), "—") + "；维修措施：" + orNone(f.correction(), "—"),
                        "job " + j.seq() + " cause: " + orNone(f.cause(), "-") + "; correction: "
                                + orNone(f.correction(), "-")));
            }
            if (j.decline() != null) {
                steps.add(new TimelineEntry(j.decline().at(), j.decline().recordedBy(), "DECLINED", j.id(),
                        job(j) + " 客户拒绝：" + j.decline().reason(),
                        "job " + j.seq() + " declined: " + j.decline().reason()));
            }
        }
        for (Assignment a : assignments) {
            Job j = wo.job(a.jobId());
            String bay = a.bay() == null ? "" : "，工位 " + a.bay();
            steps.add(new TimelineEntry(a.assignedAt(), a.assignedBy(), "DISPATCHED", j.id(),
                    job(j) + " 派工给 " + String.join("、", a.technicians()) + bay,
                    "job " + j.seq() + " dispatched to " + String.join(", ", a.technicians())
                            + (a.bay() == null ? "" : ", bay " + a.bay())));
        }
        for (ClockEntry c : clocks) {
            Job j = wo.job(c.jobId());
            steps.add(new TimelineEntry(c.startedAt(), c.technician(), "CLOCKED_ON", j.id(), job(j) + " 开工",
                    "clocked on job " + j.seq()));
            if (c.endedAt() != null) {
                String pause = c.pauseReason() == null ? "完工" : "暂停：" + c.pauseReason();
                steps.add(new TimelineEntry(c.endedAt(), c.technician(), "CLOCKED_OFF", j.id(),
                        job(j) + " 停工（" + pause + "）",
                        "clocked off job " + j.seq()
                                + (c.pauseReason() == null ? " (done)" : " (paused: " + c.pauseReason() + ")")));
            }
        }
        for (QcRecord q : checks) {
            String note = q.note() == null ? "" : "：" + q.note();
            steps.add(new TimelineEntry(q.at(), q.username(), q.passed() ? "QC_PASSED" : "QC_FAILED", null,
                    q.level().name() + " 质检" + (q.passed() ? "通过" : "不通过，返工") + note,
                    q.level() + " check " + (q.passed() ? "passed" : "failed, rework")
                            + (q.note() == null ? "" : ": " + q.note())));
        }
        if (comebackDecidedAt != null && wo.comebackDecision() != null) {
            boolean confirmed = wo.comebackDecision() == ComebackDecision.CONFIRMED;
            steps.add(new TimelineEntry(comebackDecidedAt, comebackDecidedBy, "COMEBACK", null,
                    (confirmed ? "确认为 " : "否定为 ") + wo.comebackOfNumber() + " 的返修",
                    (confirmed ? "confirmed" : "rejected") + " as a comeback of " + wo.comebackOfNumber()));
        }
        steps.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> ORDER.indexOf(e.kind())));
        return steps;
    }

    /** The steps with every move of the promised time put in its place. */
    static List<TimelineEntry> withPromiseChanges(List<TimelineEntry> steps, List<PromiseChangeEntity> changes) {
        if (changes.isEmpty()) {
            return steps;
        }
        List<TimelineEntry> all = new ArrayList<>(steps);
        for (PromiseChangeEntity p : changes) {
            String was = p.oldPromisedAt == null ? "未约定" : Stored.instant(p.oldPromisedAt).toString();
            String wasEn = p.oldPromisedAt == null ? "none" : Stored.instant(p.oldPromisedAt).toString();
            Instant to = Stored.instant(p.newPromisedAt);
            all.add(new TimelineEntry(Stored.instant(p.changedAt), p.changedBy, "PROMISE_CHANGED", null,
                    "约定交车时间 " + was + " → " + to + "：" + p.reason,
                    "promised time " + wasEn + " → " + to + ": " + p.reason));
        }
        all.sort(Comparator.comparing(TimelineEntry::at).thenComparing(e -> ORDER.indexOf(e.kind())));
        return all;
    }

    private static String orNone(String text, String none) {
        return text == null ? none : text;
    }

    private static String job(Job j) {
        return "项目 " + j.seq() + "（" + j.concern() + "）";
    }
}
