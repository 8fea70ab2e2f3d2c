package ${package};

import java.util.concurrent.atomic.AtomicLong;

import org.opendms.vehicle.api.event.VehicleEvent;
import org.opendms.vehicle.api.event.VehicleListener;
import org.osgi.service.component.annotations.Component;

/**
 * Counts the vehicle changes core reports while the plugin runs (shown at /api/${pluginId}/status). Core calls a
 * listener after the change is committed, on the thread that made it: a listener returns quickly and never throws
 * to undo anything. Real work (a reminder, a message) would be queued here and done elsewhere.
 */
@Component(service = {VehicleListener.class, VehicleEventCounter.class})
public class VehicleEventCounter implements VehicleListener {

    private final AtomicLong seen = new AtomicLong();

    @Override
    public void vehicleChanged(VehicleEvent event) {
        seen.incrementAndGet();
    }

    /** Vehicle events seen since the plugin started. */
    public long seen() {
        return seen.get();
    }
}
