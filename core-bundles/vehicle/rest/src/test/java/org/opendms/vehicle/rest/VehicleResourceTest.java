package org.opendms.vehicle.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.vehicle.api.OdometerReading;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleQuery;
import org.opendms.vehicle.api.VehicleService;

/**
 * The resource's own work, without a server: reading numbers from strings with the field named (JAX-RS would answer a
 * bad number with a bare 404) and passing the query on. The rules are the service's and are tested there.
 */
class VehicleResourceTest {

    /** Remembers what the resource asked for. */
    static final class Recorder implements VehicleService {
        VehicleQuery query;
        PageRequest page;

        @Override
        public Page<Vehicle> search(VehicleQuery q, PageRequest p) {
            query = q;
            page = p;
            return new Page<>(List.of(), p.page(), p.size(), 0);
        }

        @Override
        public Optional<Vehicle> findByPlate(String anySpelling) {
            return Optional.empty();
        }

        @Override
        public List<OdometerReading> odometerHistory(long vehicleId) {
            return List.of();
        }

        @Override
        public Vehicle create(VehicleDraft draft, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Vehicle update(long id, long expectedVersion, VehicleDraft draft, Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Vehicle get(long id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OdometerReading recordOdometer(long vehicleId, int km, String source, boolean confirmLower,
                Actor actor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Set<Long> customersWithVehiclesMatching(String plateOrVinFragment) {
            return Set.of();
        }
    }

    private final Recorder service = new Recorder();
    private final VehicleResource resource = resource(service);

    private static VehicleResource resource(VehicleService service) {
        VehicleResource r = new VehicleResource();
        r.vehicles = service;
        return r;
    }

    private static DmsException refusal(Runnable call) {
        return assertThrows(DmsException.class, call::run);
    }

    @Test
    void passesTheQueryOn() {
        resource.search("京a·123", "42", "true", "2", "50");
        assertEquals(new VehicleQuery("京a·123", 42L, true), service.query);
        assertEquals(new PageRequest(2, 50), service.page);
        resource.search(null, " ", null, null, null);
        assertEquals(new VehicleQuery(null, null, null), service.query);
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), service.page);
    }

    @Test
    void namesTheQueryParameterThatIsNotANumber() {
        DmsException customer = refusal(() -> resource.search(null, "张三", null, null, null));
        assertEquals(DmsException.Kind.INVALID_INPUT, customer.kind());
        assertEquals("customerId", customer.violations().get(0).field());
        assertEquals("active",
                refusal(() -> resource.search(null, null, "yes", null, null)).violations().get(0).field());
        assertEquals("page",
                refusal(() -> resource.search(null, null, null, "first", null)).violations().get(0).field());
        assertEquals("size", refusal(() -> resource.search(null, null, null, null, "1e3")).violations().get(0).field());
        assertEquals("size",
                refusal(() -> resource.search(null, null, null, null, "1000")).violations().get(0).field());
        assertNull(service.query);
    }

    @Test
    void namesAPathIdThatIsNotANumber() {
        assertEquals("id", refusal(() -> resource.odometerHistory("abc")).violations().get(0).field());
        assertEquals("id", refusal(() -> resource.odometerHistory("-1")).violations().get(0).field());
        assertEquals("id", refusal(() -> resource.get("京A12345")).violations().get(0).field());
    }

    @Test
    void anUnknownPlateIsNotFound() {
        DmsException e = refusal(() -> resource.byPlate("京A 12345"));
        assertEquals(DmsException.Kind.NOT_FOUND, e.kind());
        assertEquals("plate", e.violations().get(0).field());
    }

    @Test
    void anOdometerReadingNeedsTheKm() {
        DmsException e = refusal(() -> resource.recordOdometer("7",
                new VehicleResource.OdometerInput(null, "manual", null), null, null));
        assertEquals(DmsException.Kind.INVALID_INPUT, e.kind());
        assertEquals("km", e.violations().get(0).field());
        assertEquals("km", refusal(() -> resource.recordOdometer("7", null, null, null)).violations().get(0).field());
    }
}
