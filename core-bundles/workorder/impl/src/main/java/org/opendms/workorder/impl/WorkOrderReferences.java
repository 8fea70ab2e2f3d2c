package org.opendms.workorder.impl;

import java.util.List;
import java.util.Optional;

import org.opendms.appointment.api.WorkOrderPlates;
import org.opendms.vehicle.api.VehicleWork;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * What other domains check against work orders: which car a work order is for (an appointment's arrival links only a
 * work order of its car) and whether a technician works on a car now (only then he confirms a lower odometer).
 */
@Component(service = { WorkOrderPlates.class, VehicleWork.class })
public class WorkOrderReferences implements WorkOrderPlates, VehicleWork {

    @Reference
    WorkOrderStore store;

    public WorkOrderReferences() {
    }

    WorkOrderReferences(WorkOrderStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> plateOf(long workOrderId) {
        return Optional.ofNullable(store.read(em -> {
            WorkOrderEntity e = em.find(WorkOrderEntity.class, workOrderId);
            return e == null ? null : e.plate;
        }));
    }

    @Override
    public boolean worksOn(String technician, long vehicleId) {
        return store.read(em -> !em.createQuery("SELECT a.id FROM AssignmentEntity a, WorkOrderEntity w"
                + " WHERE w.id = a.workOrderId AND w.vehicleId = :v AND a.technician = :t AND w.status NOT IN :closed",
                Long.class).setParameter("v", vehicleId).setParameter("t", technician)
                .setParameter("closed", List.copyOf(WorkOrderRows.CLOSED)).setMaxResults(1).getResultList().isEmpty());
    }
}
