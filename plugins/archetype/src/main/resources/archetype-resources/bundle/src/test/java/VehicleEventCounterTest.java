package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.opendms.platform.api.ChangeKind;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.event.VehicleEvent;

class VehicleEventCounterTest {

    @Test
    void countsEveryVehicleChangeCoreReports() {
        VehicleEventCounter counter = new VehicleEventCounter();
        Vehicle after = new Vehicle(1L, "LSVAU2A34N2183294", "京A12345", "大众", "帕萨特", 2022, null, null, null, 1L, null,
                null, null, true, null, Instant.now(), "advisor", Instant.now(), "advisor", 0L);
        counter.vehicleChanged(new VehicleEvent(ChangeKind.CREATED, null, after, "advisor", Instant.now()));
        counter.vehicleChanged(new VehicleEvent(ChangeKind.CHANGED, after, after, "advisor", Instant.now()));
        assertEquals(2, counter.seen());
    }
}
