/**
 * Parts for work orders (工单领料): the pick list of a work order (what each approved part line needs, has reserved,
 * was issued and returned, and where it lies), issues (领料) and returns (退料) against a line through the stock ledger,
 * and parts ordered for a work order that waits for them. Stock is reserved when the customer approves a job and
 * released when the job is declined, the line removed or marked not needed, or the work order cancelled; a work order
 * is
 * completed only once its approved part lines are issued (the work order's {@code CompletionRule}).
 */
@Export
@Version("1.0.0")
package org.opendms.parts.api.workorder;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
