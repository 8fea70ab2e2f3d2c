/**
 * Published work-order API (维修工单): reception, jobs and lines, customer approval, the workshop status machine,
 * technician clocks, QC and comebacks. Plugins listen to work-order events through
 * {@code org.opendms.plugin.api.event.WorkOrderListener}.
 */
@Export
@Version("1.0.0")
package org.opendms.workorder.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
