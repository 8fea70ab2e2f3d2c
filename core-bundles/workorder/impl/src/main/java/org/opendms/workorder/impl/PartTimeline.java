package org.opendms.workorder.impl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javax.persistence.EntityManager;

import org.opendms.platform.api.Stored;
import org.opendms.workorder.api.TimelineEntry;

/** A work order's part steps (wo_part_step) put in its timeline. */
final class PartTimeline {

    private PartTimeline() {
    }

    static List<TimelineEntry> with(List<TimelineEntry> steps, EntityManager em, long workOrderId) {
        List<PartStepEntity> parts = em
                .createQuery("SELECT s FROM PartStepEntity s WHERE s.workOrderId = :w ORDER BY s.id",
                        PartStepEntity.class)
                .setParameter("w", workOrderId).getResultList();
        if (parts.isEmpty()) {
            return steps;
        }
        List<TimelineEntry> all = new ArrayList<>(steps);
        for (PartStepEntity s : parts) {
            all.add(new TimelineEntry(Stored.instant(s.recordedAt), s.recordedBy, s.kind, s.jobId, s.textZh,
                    s.textEn));
        }
        // steps of one instant keep the order they were put in (the sort is stable)
        all.sort(Comparator.comparing(TimelineEntry::at));
        return all;
    }
}
