package org.opendms.plugin.insurance.impl;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleService;
import org.opendms.vehicle.api.event.VehicleEvent;
import org.opendms.vehicle.api.event.VehicleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the renewal list needs from the core vehicle file: each active vehicle's insurance due date (a lead when
 * no policy is on file), and the plate shown and searched on its policies.
 */
// immediate: it catches up when it starts, not when the vehicle service first tells it something
@Component(service = VehicleListener.class, immediate = true)
public class VehicleFileListener implements VehicleListener {

    private static final Logger LOG = LoggerFactory.getLogger(VehicleFileListener.class);

    @Reference(target = "(osgi.unit.name=dms-insurance)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.plugin.insurance.impl)")
    SchemaReady schema;

    @Reference
    ShopClock clock;

    /**
     * Vehicles are only seen through their events, and none arrive while the plugin is disabled: each time it starts,
     * a background pass reads the vehicles changed since the last one it saw (by key, a page at a time, from the mark
     * kept in ins_catch_up), so a restart with nothing changed reads nothing. Rows already holding a newer state of a
     * vehicle (from an event during the pass) are left alone.
     */
    @Reference
    VehicleService vehicles;

    /** The mark of the vehicle file in ins_catch_up. */
    static final String SOURCE = "vehicle";

    /**
     * A pass starts this long before the mark: a vehicle whose change was committed after a later one's, with an
     * earlier time, is still read (reading one twice is harmless: versions are compared).
     */
    static final Duration OVERLAP = Duration.ofMinutes(1);

    private volatile boolean running = true;
    private Thread catchUp;

    @Activate
    void activate() {
        running = true;
        catchUp = new Thread(() -> {
            try {
                int seen = catchUp();
                LOG.info("Insurance renewal leads caught up with {} vehicle(s)", seen);
            } catch (RuntimeException e) {
                LOG.warn("Insurance renewal leads not caught up with the vehicle file: {}", e.getMessage(), e);
            }
        }, "insurance-vehicle-catch-up");
        catchUp.setDaemon(true);
        catchUp.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        running = false;
        catchUp.join(10_000);
    }

    /** Reads the vehicles changed since the mark, a page at a time, each page in one transaction; how many it read. */
    int catchUp() {
        CatchUpMarkEntity mark = jpa.txExpr(em -> em.find(CatchUpMarkEntity.class, SOURCE));
        Instant after = mark == null ? null : Stored.instant(mark.changedAt).minus(OVERLAP);
        long afterId = 0;
        int seen = 0;
        while (running) {
            List<Vehicle> page = vehicles.changedSince(after, afterId, PageRequest.MAX_SIZE);
            if (page.isEmpty()) {
                break;
            }
            Vehicle last = page.get(page.size() - 1);
            try {
                jpa.tx(em -> {
                    page.forEach(v -> record(em, v, null));
                    keepMark(em, last);
                });
            } catch (PersistenceException e) {
                if (!Failures.isUniqueViolation(e)) {
                    throw e;
                }
                // an event inserted one of these rows meanwhile: one at a time then
                page.forEach(v -> keep(v, null));
                jpa.tx(em -> keepMark(em, last));
            }
            seen += page.size();
            after = last.updatedAt();
            afterId = last.id();
            if (page.size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        return seen;
    }

    private static void keepMark(EntityManager em, Vehicle last) {
        CatchUpMarkEntity mark = em.find(CatchUpMarkEntity.class, SOURCE);
        if (mark == null) {
            mark = new CatchUpMarkEntity();
            mark.source = SOURCE;
            em.persist(mark);
        }
        LocalDateTime at = Stored.utc(last.updatedAt());
        if (mark.changedAt == null || at.isAfter(mark.changedAt)
                || (at.isEqual(mark.changedAt) && last.id() > mark.lastId)) {
            mark.changedAt = at;
            mark.lastId = last.id();
        }
    }

    @Override
    public void vehicleChanged(VehicleEvent event) {
        keep(event.after(), event.before());
    }

    private void keep(Vehicle after, Vehicle before) {
        try {
            jpa.tx(em -> record(em, after, before));
        } catch (PersistenceException e) {
            if (!Failures.isUniqueViolation(e)) {
                throw e;
            }
            // another event of the same new vehicle inserted its row first: this one now finds it
            jpa.tx(em -> record(em, after, before));
        }
    }

    private void record(EntityManager em, Vehicle v, Vehicle before) {
        VehicleDueEntity row = em.find(VehicleDueEntity.class, v.id());
        if (row != null && row.vehicleVersion > v.version()) {
            return; // a late event: the row already shows a newer state of the vehicle
        }
        if (row != null && before == null && row.vehicleVersion == v.version()) {
            return; // read again by a catch-up: the row already shows this state, nothing to write
        }
        if (v.insuranceDueDate() == null || !v.active()) {
            if (row != null) {
                em.remove(row);
            }
        } else if (row != null && row.vehicleVersion == v.version() && Objects.equals(row.plate, v.plate())
                && Objects.equals(row.ownerId, v.ownerId())
                && Objects.equals(row.insuranceDueDate, v.insuranceDueDate())) {
            return; // the same state again (e.g. a reception that read the same mileage): nothing to write
        } else {
            boolean fresh = row == null;
            if (fresh) {
                row = new VehicleDueEntity();
                row.vehicleId = v.id();
            }
            row.plate = v.plate();
            row.ownerId = v.ownerId();
            row.insuranceDueDate = v.insuranceDueDate();
            row.vehicleVersion = v.version();
            row.updatedAt = Stored.utc(clock.now());
            if (fresh) {
                em.persist(row);
            }
        }
        if (before != null && !Objects.equals(before.plate(), v.plate())) {
            // a bulk update moves each policy's version on: the policy as read (its ETag) has changed
            em.createQuery("UPDATE PolicyEntity p SET p.plate = :plate WHERE p.vehicleId = :vehicle")
                    .setParameter("plate", v.plate()).setParameter("vehicle", v.id()).executeUpdate();
        }
        em.flush();
    }
}
