package org.opendms.workorder.impl;

import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.workorder.api.Photo;
import org.opendms.workorder.api.PhotoContent;
import org.opendms.workorder.api.WalkAroundPhotos;
import org.opendms.workorder.api.WorkOrderStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walk-around photos in table wo_photo, on the work orders' persistence unit. Starts only once the wo_* tables are
 * migrated. Takes its limit from the work orders' configuration (designated by {@link WorkOrderStore}).
 * <p>
 * The bytes are read only when one photo's content is asked for: the list selects the other columns.
 */
@Component(service = WalkAroundPhotos.class, configurationPid = WorkOrderConfig.PID)
public class JpaWalkAroundPhotos implements WalkAroundPhotos {

    /** Largest limit a configuration may set: a photo is held in memory whole while it is checked and stored. */
    static final int MAX_LIMIT = 50 * 1024 * 1024;
    /** Smallest limit a configuration may set. */
    static final int MIN_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(JpaWalkAroundPhotos.class);
    /** Closed for photos: a delivered car has left, so its walk-around is over; a cancelled order takes no more. */
    private static final Set<WorkOrderStatus> CLOSED = EnumSet.of(WorkOrderStatus.DELIVERED, WorkOrderStatus.CANCELLED);

    @Reference(target = "(osgi.unit.name=dms-workorder)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.workorder.impl)")
    SchemaReady schema;

    /** Stamps when each photo was taken. */
    @Reference
    ShopClock clock;

    @Reference
    Permissions permissions;

    volatile int maxBytes = DEFAULT_MAX_BYTES;

    public JpaWalkAroundPhotos() {
    }

    /** Outside OSGi (tests, tools): the limit given instead of a configuration. */
    JpaWalkAroundPhotos(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Activate
    @Modified
    void configure(WorkOrderConfig config) {
        int limit = config.photoMaxBytes();
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            LOG.error("photoMaxBytes {} in {} is not from {} to {}; using {}", limit, WorkOrderConfig.PID, MIN_LIMIT,
                    MAX_LIMIT, DEFAULT_MAX_BYTES);
            limit = DEFAULT_MAX_BYTES;
        }
        maxBytes = limit;
    }

    @Override
    public int maxBytes() {
        return maxBytes;
    }

    @Override
    public Photo add(long workOrderId, String contentType, byte[] data, String caption, Actor actor) {
        permissions.require(actor, "workorder.photo.add");
        PhotoRules.Checked photo = PhotoRules.check(contentType, data, caption, maxBytes);
        LocalDateTime at = Stored.utc(clock.now());
        return DeadlockRetry.write(() -> jpa.txExpr(em -> {
            // the row lock queues two uploads to one work order, so the count below cannot be passed by both
            WorkOrderEntity wo = em.find(WorkOrderEntity.class, workOrderId, LockModeType.PESSIMISTIC_WRITE);
            if (wo == null) {
                throw workOrderNotFound(workOrderId);
            }
            if (CLOSED.contains(wo.status)) {
                throw DmsException.conflict("status", "status.closed", "工单“" + wo.status.zh() + "”，不能再添加照片",
                        "the work order is " + wo.status + "; no more photos can be added");
            }
            long count = em.createQuery("SELECT COUNT(p) FROM PhotoEntity p WHERE p.workOrderId = :w", Long.class)
                    .setParameter("w", workOrderId).getSingleResult();
            if (count >= MAX_PER_WORK_ORDER) {
                throw DmsException.conflict(PhotoRules.FIELD, "photo.too_many",
                        "每张工单最多 " + MAX_PER_WORK_ORDER + " 张照片，工单 " + wo.number + " 已满",
                        "a work order keeps at most " + MAX_PER_WORK_ORDER + " photos; " + wo.number + " has them");
            }
            PhotoEntity p = new PhotoEntity();
            p.workOrderId = workOrderId;
            p.contentType = photo.contentType();
            p.sizeBytes = photo.data().length;
            p.sha256 = photo.sha256();
            p.caption = photo.caption();
            p.data = photo.data();
            p.takenAt = at;
            p.takenBy = actor.username();
            em.persist(p);
            em.flush();
            return new Photo(p.id, p.workOrderId, p.contentType, p.sizeBytes, p.sha256, p.caption,
                    Stored.instant(p.takenAt),
                    p.takenBy);
        }));
    }

    @Override
    public List<Photo> list(long workOrderId) {
        return jpa.txExpr(em -> {
            requireWorkOrder(em, workOrderId);
            return em
                    .createQuery(
                            "SELECT p.id, p.workOrderId, p.contentType, p.sizeBytes, p.sha256, p.caption, p.takenAt,"
                                    + " p.takenBy FROM PhotoEntity p WHERE p.workOrderId = :w ORDER BY p.takenAt, p.id",
                            Object[].class)
                    .setParameter("w", workOrderId).getResultList().stream()
                    .map(r -> new Photo((Long) r[0], (Long) r[1], (String) r[2], (Integer) r[3],
                            ((String) r[4]).strip(),
                            (String) r[5], Stored.instant((LocalDateTime) r[6]), (String) r[7]))
                    .toList();
        });
    }

    @Override
    public PhotoContent content(long workOrderId, long photoId) {
        return jpa.txExpr(em -> {
            List<Object[]> found = em.createQuery("SELECT p.contentType, p.data FROM PhotoEntity p"
                    + " WHERE p.id = :id AND p.workOrderId = :w", Object[].class)
                    .setParameter("id", photoId).setParameter("w", workOrderId).getResultList();
            if (found.isEmpty()) {
                requireWorkOrder(em, workOrderId);
                throw DmsException.notFound("photoId", "工单 " + workOrderId + " 中没有照片 " + photoId,
                        "work order " + workOrderId + " has no photo " + photoId);
            }
            return new PhotoContent((String) found.get(0)[0], (byte[]) found.get(0)[1]);
        });
    }

    private static void requireWorkOrder(EntityManager em, long id) {
        Long found = em.createQuery("SELECT COUNT(w) FROM WorkOrderEntity w WHERE w.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        if (found == 0) {
            throw workOrderNotFound(id);
        }
    }

    private static DmsException workOrderNotFound(long id) {
        return DmsException.notFound("id", "工单 " + id + " 不存在", "work order " + id + " does not exist");
    }
}
