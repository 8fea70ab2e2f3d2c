/**
 * Published printing API (打印): {@link org.opendms.printing.api.Sheets} prints a work order's sheets as PDF with
 * Chinese text: the repair authorisation (委托书), the job sheet (派工单), the pick list (领料单), the customer's bill
 * (结算单) and the completion certificate (竣工出厂合格证), on A4, A5 or 241 mm continuous paper.
 * <p>
 * The customer opens a settled visit's bill and certificate without a login through
 * {@link org.opendms.printing.api.EBills}.
 * <p>
 * {@link org.opendms.printing.api.Tables} prints a report's table (the monthly KPI pack) the same way.
 * <p>
 * 1.0.0: the first version. 1.1.0: Tables.
 */
@Export
@Version("1.1.0")
package org.opendms.printing.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
