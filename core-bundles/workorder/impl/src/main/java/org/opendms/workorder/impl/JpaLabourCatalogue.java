package org.opendms.workorder.impl;

import static org.opendms.workorder.impl.WorkOrderStore.utc;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Objects;

import javax.persistence.LockModeType;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.PagedSearch;
import org.opendms.staff.api.SkillCatalogue;
import org.opendms.workorder.api.LabourCatalogue;
import org.opendms.workorder.api.LabourOperation;
import org.opendms.workorder.api.LabourOperationDraft;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The labour catalogue: operations are added and changed, never removed, only retired. */
@Component(service = LabourCatalogue.class)
public class JpaLabourCatalogue implements LabourCatalogue {

    @Reference
    WorkOrderStore store;

    /** The skill an operation names is one of the catalogue's. */
    @Reference
    SkillCatalogue skills;

    public JpaLabourCatalogue() {
    }

    JpaLabourCatalogue(WorkOrderStore store, SkillCatalogue skills) {
        this.store = store;
        this.skills = skills;
    }

    @Override
    public LabourOperation save(LabourOperationDraft draft, Long expectedVersion, Actor actor) {
        store.permissions.require(actor, "labour.catalogue.edit");
        LabourOperationDraft valid = WorkOrderRules.labourOperation(draft);
        LabourOperationDraft d = withSkillCode(valid, expectedVersion);
        LocalDateTime at = utc(store.now());
        return store.change(em -> {
            LabourOperationEntity op = em.find(LabourOperationEntity.class, d.code(), LockModeType.PESSIMISTIC_WRITE);
            LabourOperation before = op == null ? null : WorkOrderRecords.operation(op);
            if (expectedVersion == null) {
                if (op != null) {
                    throw DmsException.conflict("code", "labour.exists", "工时代码 " + d.code() + " 已在工时目录中",
                            "operation code " + d.code() + " is already in the labour catalogue");
                }
                op = new LabourOperationEntity();
                op.code = d.code();
                op.version = 0;
                em.persist(op);
            } else if (op == null) {
                throw DmsException.notFound("code", "工时目录中没有代码 " + d.code(),
                        "the labour catalogue has no operation " + d.code());
            } else {
                StaleVersion.check(op.version, expectedVersion, "工时项目 " + d.code() + " ", "operation " + d.code());
            }
            op.name = d.name();
            op.flatRateHours = d.flatRateHours();
            op.skill = d.skill();
            if (!d.active()) {
                op.retiredAt = op.retiredAt == null ? at : op.retiredAt;
            } else {
                op.retiredAt = null;
            }
            op.updatedAt = at;
            op.updatedBy = actor.username();
            op.version++;
            em.flush();
            store.audit.record(em, actor, "labour-operation", op.code, before, WorkOrderRecords.operation(op));
            return WorkOrderRecords.operation(op);
        });
    }

    /**
     * The draft naming its skill by the catalogue's code: a known, active skill, or the retired one the operation names
     * already (changing its name or hours does not force a new skill on it).
     */
    private LabourOperationDraft withSkillCode(LabourOperationDraft d, Long expectedVersion) {
        if (d.skill() == null || d.skill().isBlank()) {
            return new LabourOperationDraft(d.code(), d.name(), d.flatRateHours(), null, d.active());
        }
        String held = expectedVersion == null ? null : store.read(em -> {
            LabourOperationEntity op = em.find(LabourOperationEntity.class, d.code());
            return op == null ? null : op.skill;
        });
        return new LabourOperationDraft(d.code(), d.name(), d.flatRateHours(),
                Skills.assignable(skills, "skill", d.skill(), held), d.active());
    }

    @Override
    public LabourOperation get(String code) {
        String c = WorkOrderRules.catalogueCode(code);
        LabourOperationEntity op = c == null ? null : store.read(em -> em.find(LabourOperationEntity.class, c));
        if (op == null) {
            throw DmsException.notFound("code", "工时目录中没有代码 " + code, "the labour catalogue has no operation " + code);
        }
        return WorkOrderRecords.operation(op);
    }

    @Override
    public Page<LabourOperation> search(String text, boolean activeOnly, PageRequest page) {
        Objects.requireNonNull(page, "page");
        if (text != null && text.length() > JpaWorkOrders.SEARCH_MAX) {
            throw DmsException.invalid("q", "too_long", "搜索内容过长", "the text searched for is too long");
        }
        PagedSearch<LabourOperationEntity> search = PagedSearch.of(LabourOperationEntity.class, "o");
        String t = text == null ? "" : text.strip();
        if (!t.isEmpty()) {
            search.where("(o.code LIKE :prefix ESCAPE '\\' OR o.name LIKE :part ESCAPE '\\')", "prefix",
                    Stored.literal(t.toUpperCase(Locale.ROOT)) + "%").with("part", Stored.containsPattern(t));
        }
        if (activeOnly) {
            search.where("o.retiredAt IS NULL");
        }
        return store.read(em -> search.page(em, "o.code", page, WorkOrderRecords::operation));
    }
}
