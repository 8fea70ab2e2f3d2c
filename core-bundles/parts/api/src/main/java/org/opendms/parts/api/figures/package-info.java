/**
 * Parts figures (配件经营指标) for the KPI pack and the manager: for a period of shop days and one or more
 * warehouses, the counts and values behind 备件供应率 (parts fill rate), 紧急订货率 (urgent order rate) and
 * 备件库存周转率 (parts stock turnover), each with the inputs named so a user can check them by hand against the
 * reservations, the parts ordered for work orders and the stock ledger.
 * <p>
 * Read with permission {@code parts.figures.read}; the values (cost of parts issued, inventory values, turnover) only
 * for roles with {@code parts.cost.read}, else null.
 */
@Export
@Version("1.0.0")
package org.opendms.parts.api.figures;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
