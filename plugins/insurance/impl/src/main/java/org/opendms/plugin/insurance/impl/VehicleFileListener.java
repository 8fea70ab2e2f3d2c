package org.opendms.plugin.insurance.impl;

import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.plugin.api.event.VehicleEvent;
import org.opendms.plugin.api.event.VehicleListener;
import org.opendms.vehicle.api.Vehicle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps what the renewal list needs from the core vehicle file: each active vehicle's insurance due date (a lead when
 * no policy is on file), and the plate shown and searched on its policies.
 */
@Component(service = VehicleListener.class)
public class VehicleFileListener implements VehicleListener {

    @Reference(target = "(osgi.unit.name=dms-insurance)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.plugin.insurance.impl)")
    SchemaReady schema;

    @Override
    public void vehicleChanged(VehicleEvent event) {
        try {
            jpa.tx(em -> record(em, event));
        } catch (PersistenceException e) {
            if (!Failures.isUniqueViolation(e)) {
                throw e;
            }
            // another event of the same new vehicle inserted its row first: this one now finds it
            jpa.tx(em -> record(em, event));
        }
    }

    private static void record(EntityManager em, VehicleEvent event) {
        Vehicle v = event.after();
        VehicleDueEntity row = em.find(VehicleDueEntity.class, v.id());
        if (row != null && row.vehicleVersion > v.version()) {
            return; // a late event: the row already shows a newer state of the vehicle
        }
        if (v.insuranceDueDate() == null || !v.active()) {
            if (row != null) {
                em.remove(row);
            }
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
            row.updatedAt = Stored.utcNow();
            if (fresh) {
                em.persist(row);
            }
        }
        if (event.before() != null && !Objects.equals(event.before().plate(), v.plate())) {
            // a bulk update moves each policy's version on: the policy as read (its ETag) has changed
            em.createQuery("UPDATE PolicyEntity p SET p.plate = :plate WHERE p.vehicleId = :vehicle")
                    .setParameter("plate", v.plate()).setParameter("vehicle", v.id()).executeUpdate();
        }
        em.flush();
    }
}
