package org.opendms.webapp.live;

import java.util.LinkedHashMap;
import java.util.Map;

import org.opendms.workorder.api.event.WorkOrderEvent;
import org.opendms.workorder.api.event.WorkOrderListener;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tells the open pages of every committed work-order change (board, work-order page): what changed and where the
 * work order stands now, without personal data; a page that needs more reads the work order.
 */
@Component
public class WorkOrderLive implements WorkOrderListener {

    static final String TYPE = "workorder";
    static final String PERMISSION = "workorder.read";

    @Reference
    LiveHub hub;

    @Override
    public void changed(WorkOrderEvent e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("id", e.workOrderId());
        data.put("number", e.number());
        data.put("status", e.status());
        data.put("from", e.from());
        data.put("plate", e.plate());
        data.put("vehicleId", e.vehicleId());
        data.put("jobId", e.jobId());
        data.put("by", e.username());
        data.put("at", e.at().toString());
        hub.publish(TYPE, data, PERMISSION);
    }
}
