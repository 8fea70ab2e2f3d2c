package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderRows.find;
import static org.opendms.workorder.impl.WorkOrderRows.job;
import static org.opendms.workorder.impl.WorkOrderRows.liveJob;
import static org.opendms.workorder.impl.WorkOrderRows.refuseClosed;
import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.staff.api.SkillDefinition;
import org.opendms.staff.api.StaffDirectory;
import org.opendms.staff.api.Technician;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.Dispatch;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.TechnicianSkill;
import org.opendms.workorder.api.TechnicianSuggestion;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Dispatch: the skill table, who works which job in which bay, and who would suit a job best. */
@Component(service = Dispatch.class)
public class JpaDispatch implements Dispatch {

    @Reference
    WorkOrderStore store;

    /** Who may be given work: the known, active technicians. */
    @Reference
    StaffDirectory staff;

    /** The skills the table and the suggestions name. */
    @Reference
    SkillCatalogue catalogue;

    public JpaDispatch() {
    }

    JpaDispatch(WorkOrderStore store, StaffDirectory staff, SkillCatalogue catalogue) {
        this.store = store;
        this.staff = staff;
        this.catalogue = catalogue;
    }

    @Override
    public List<TechnicianSkill> setSkill(String technician, String asked, int level, Actor actor) {
        store.permissions.require(actor, "technician.skills.edit");
        String tech = WorkOrderRules.skill(technician, asked, level);
        // removing a skill (level 0) stays possible for someone who left, and for a retired skill
        String skill = level > 0 ? Skills.assignable(catalogue, "skill", asked, null)
                : Skills.known(catalogue, "skill", asked);
        if (level > 0) {
            Technicians.requireActive(staff, "technician", tech);
        }
        return store.change(em -> {
            List<SkillEntity> rows = em
                    .createQuery("SELECT s FROM SkillEntity s WHERE s.technician = :t AND s.skill = :s",
                            SkillEntity.class)
                    .setParameter("t", tech).setParameter("s", skill)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
            store.audit.record(em, actor, "technician-skill", tech, Map.of(String.valueOf(skill),
                    rows.isEmpty() ? 0 : rows.get(0).level), Map.of(String.valueOf(skill), level));
            if (level == 0) {
                rows.forEach(em::remove);
            } else if (rows.isEmpty()) {
                SkillEntity row = new SkillEntity();
                row.technician = tech;
                row.skill = skill;
                row.level = level;
                em.persist(row);
            } else {
                rows.get(0).level = level;
            }
            em.flush();
            return skills(em);
        });
    }

    @Override
    public List<TechnicianSkill> skills() {
        return store.read(JpaDispatch::skills);
    }

    private static List<TechnicianSkill> skills(EntityManager em) {
        return em.createQuery("SELECT s FROM SkillEntity s ORDER BY s.technician, s.skill", SkillEntity.class)
                .getResultList().stream().map(s -> new TechnicianSkill(s.technician, s.skill, s.level)).toList();
    }

    @Override
    public WorkOrder assign(long id, long jobId, long expectedVersion, List<String> technicians, String bay,
            String skillOverride, Actor actor) {
        store.permissions.require(actor, "workorder.dispatch");
        WorkOrderRules.Dispatch dispatch = WorkOrderRules.dispatch(technicians, bay);
        String override = WorkOrderRules.note("skillOverride", skillOverride, OVERRIDE_MAX);
        Technicians.requireActive(staff, "technicians", dispatch.technicians());
        // read before the work-order transaction: the staff accounts and the catalogue live in other units
        Map<String, Technician> people = new HashMap<>();
        dispatch.technicians().forEach(t -> staff.technician(t).ifPresent(p -> people.put(t, p)));
        Map<String, SkillDefinition> known = knownSkills();
        Instant now = store.now();
        return store.changeWorkOrder(id, expectedVersion, now, actor, (em, e) -> {
            refuseClosed(e);
            JobEntity job = liveJob(em, e, jobId);
            refuseUndispatchable(em, job);
            refuseUnskilled(em, e, job, dispatch.technicians(), people, known, override, actor, utc(now));
            em.createQuery("DELETE FROM AssignmentEntity a WHERE a.jobId = :j").setParameter("j", jobId)
                    .executeUpdate();
            int position = 0;
            for (String tech : dispatch.technicians()) {
                AssignmentEntity a = new AssignmentEntity();
                a.workOrderId = e.id;
                a.jobId = jobId;
                a.position = position++;
                a.technician = tech;
                em.persist(a);
            }
            job.bay = dispatch.bay();
            job.assignedAt = utc(now);
            job.assignedBy = actor.username();
        });
    }

    static final int OVERRIDE_MAX = 150;

    /** The catalogue by code, read before a work-order transaction: it lives in another persistence unit. */
    private Map<String, SkillDefinition> knownSkills() {
        Map<String, SkillDefinition> known = new HashMap<>();
        catalogue.list(true).forEach(d -> known.put(d.code(), d));
        return known;
    }

    /**
     * A job whose labour operations name a skill goes to technicians who have it, in the skill table or in their staff
     * account; anyone else only when the dispatcher says why, which the timeline keeps.
     */
    private static void refuseUnskilled(EntityManager em, WorkOrderEntity e, JobEntity job, List<String> techs,
            Map<String, Technician> people, Map<String, SkillDefinition> known, String override, Actor actor,
            LocalDateTime at) {
        String skill = requiredSkill(em, job.id).orElse(null);
        if (skill == null) {
            return;
        }
        List<String> inTable = em
                .createQuery("SELECT s.technician FROM SkillEntity s WHERE s.skill = :s AND s.level > 0"
                        + " AND s.technician IN :t", String.class)
                .setParameter("s", skill).setParameter("t", techs).getResultList();
        List<String> lacking = techs.stream().filter(t -> !inTable.contains(t)
                && (people.get(t) == null || people.get(t).level(skill) == 0)).toList();
        if (lacking.isEmpty()) {
            return;
        }
        SkillDefinition d = known.get(skill);
        String name = d == null ? skill : d.name();
        String nameEn = d == null ? skill : d.nameEn();
        if (override == null) {
            throw DmsException.conflict("technicians[" + techs.indexOf(lacking.get(0)) + "]", "technician.lacks_skill",
                    String.join("、", lacking) + " 不具备项目 " + job.seq + " 所需的工种 " + name + "（" + skill
                            + "）；请改派，或由车间主管在 skillOverride 中说明原因",
                    String.join(", ", lacking) + " lack the skill job " + job.seq + " needs, " + nameEn + " (" + skill
                            + "); dispatch someone else, or say why in skillOverride");
        }
        ActingFor.record(em, e.id, job.id, "SKILL_OVERRIDE", actor.username(), lacking,
                name + "（" + skill + "）：" + override, at);
    }

    /** Only work the customer approved and the advisor priced goes to the workshop. */
    private static void refuseUndispatchable(EntityManager em, JobEntity job) {
        PriceGate.refusePending(em, job, "派工", "dispatched");
        if (job.approvedAt == null) {
            throw DmsException.conflict("jobId", "job.unapproved",
                    "项目 " + job.seq + "（" + job.concern + "）尚未经客户确认，不能派工",
                    "job " + job.seq + " (" + job.concern
                            + ") is not approved by the customer yet; it cannot be dispatched");
        }
        long lines = em.createQuery("SELECT COUNT(l) FROM LineEntity l WHERE l.jobId = :j", Long.class)
                .setParameter("j", job.id).getSingleResult();
        if (lines == 0) {
            throw DmsException.conflict("jobId", "job.empty", "项目 " + job.seq + "（" + job.concern + "）还没有明细，不能派工",
                    "job " + job.seq + " (" + job.concern + ") has no lines yet; it cannot be dispatched");
        }
    }

    @Override
    public List<Assignment> assignments(long id) {
        return store.read(em -> {
            find(em, id);
            return WorkOrderRecords.assignments(em, id);
        });
    }

    /**
     * Ranks those with the skill: level first (the job is done right), then load (it is done soon), then username so
     * the order is stable. The load is the sold hours of labour lines on jobs assigned to them in open work orders.
     */
    @Override
    public List<TechnicianSuggestion> suggestTechnicians(long id, long jobId, String asked) {
        String askedCode = asked == null || asked.isBlank() ? null : Skills.known(catalogue, "skill", asked);
        Map<String, SkillDefinition> known = knownSkills();
        return store.read(em -> {
            job(em, find(em, id), jobId);
            String skill = askedCode != null ? askedCode : skillOfJob(em, jobId);
            SkillDefinition d = known.get(skill);
            String[] name = d == null ? new String[] { skill, skill } : new String[] { d.name(), d.nameEn() };
            List<SkillEntity> skilled = em.createQuery("SELECT s FROM SkillEntity s WHERE s.skill = :s AND s.level > 0",
                    SkillEntity.class).setParameter("s", skill).getResultList();
            if (skilled.isEmpty()) {
                return List.<TechnicianSuggestion>of();
            }
            Map<String, BigDecimal> load = new HashMap<>();
            List<Object[]> rows = em
                    .createQuery("SELECT a.technician, SUM(l.quantity) FROM AssignmentEntity a, LineEntity l,"
                            + " WorkOrderEntity w WHERE l.jobId = a.jobId AND w.id = a.workOrderId AND l.type = :labour"
                            + " AND w.status NOT IN :closed AND a.technician IN :techs GROUP BY a.technician",
                            Object[].class)
                    .setParameter("labour", LineType.LABOUR).setParameter("closed", List.copyOf(WorkOrderRows.CLOSED))
                    .setParameter("techs", skilled.stream().map(s -> s.technician).toList()).getResultList();
            for (Object[] row : rows) {
                load.put((String) row[0], new BigDecimal(row[1].toString()).setScale(2, RoundingMode.HALF_UP));
            }
            BigDecimal none = new BigDecimal("0.00");
            return skilled.stream().map(s -> {
                BigDecimal hours = load.getOrDefault(s.technician, none);
                return new TechnicianSuggestion(s.technician, s.level, hours,
                        name[0] + " " + s.level + " 级（" + SkillCatalogue.grade(s.level).name() + "）；在修 "
                                + hours.toPlainString() + " 工时",
                        name[1] + " level " + s.level + " (" + SkillCatalogue.grade(s.level).nameEn() + "); "
                                + hours.toPlainString() + " sold hours open");
            }).sorted(Comparator.comparingInt(TechnicianSuggestion::level).reversed()
                    .thenComparing(TechnicianSuggestion::openSoldHours)
                    .thenComparing(TechnicianSuggestion::technician)).toList();
        });
    }

    /** The trade the job's labour operations name in the catalogue, the most hours first; refused if they name none. */
    static String skillOfJob(EntityManager em, long jobId) {
        return requiredSkill(em, jobId).orElseThrow(() -> DmsException.invalid("skill", "required",
                "该项目的工时项目未注明工种，请选择工种（工种目录中的代码）",
                "the job's labour operations name no skill: choose one (a code of the skill catalogue)"));
    }

    /** The skill the job's labour operations name, the most sold hours first; empty when they name none. */
    static Optional<String> requiredSkill(EntityManager em, long jobId) {
        List<Object[]> rows = em.createQuery(
                "SELECT o.skill, SUM(l.quantity) FROM LineEntity l, LabourOperationEntity o"
                        + " WHERE l.jobId = :j AND l.type = :labour AND o.code = l.code AND o.skill IS NOT NULL GROUP BY o.skill",
                Object[].class).setParameter("j", jobId).setParameter("labour", LineType.LABOUR).getResultList();
        return rows.stream().max(Comparator.comparing((Object[] r) -> new BigDecimal(r[1].toString()))
                .thenComparing(r -> (String) r[0], Comparator.reverseOrder()))
                .map(r -> (String) r[0]);
    }
}
