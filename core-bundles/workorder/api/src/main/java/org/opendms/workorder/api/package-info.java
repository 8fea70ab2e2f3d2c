/**
 * Published work-order API (维修工单): reception, jobs and lines, customer approval, the workshop status machine,
 * technician clocks, QC, comebacks and the events plugins listen to.
 */
@Export
@Version("1.0.0")
package org.opendms.workorder.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
