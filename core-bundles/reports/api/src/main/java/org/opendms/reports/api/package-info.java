/**
 * Published reports API (报表与 KPI): everything here is computed from what the platform recorded (receptions,
 * labour lines, clocks, QC, comebacks, deliveries, settlements); nobody types a figure in, except the shop's resources
 * of a month ({@link org.opendms.reports.api.ShopResources}: working days, shift hours, bays, technicians and their
 * direct wages), which the KPIs of that month divide by.
 * <p>
 * {@link org.opendms.reports.api.Reports} answers for any {@link org.opendms.reports.api.Period}: the KPI pack of the
 * FAW after-sales manual (each figure with its formula, inputs, the previous period and the same period a year
 * earlier, or the inputs it misses), revenue and margins by day, week, month, quarter or year, technician figures,
 * and the work orders behind a figure.
 * <p>
 * 1.0.0: the first version.
 */
@Export
@Version("1.0.0")
package org.opendms.reports.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
