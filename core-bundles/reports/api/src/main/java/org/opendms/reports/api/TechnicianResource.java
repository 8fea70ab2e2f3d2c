package org.opendms.reports.api;

import java.math.BigDecimal;

/**
 * A technician counted in a month's resources.
 *
 * @param login the staff login (as on the clocks)
 * @param wage  the month's direct wage in yuan (直接人工工资), for 工时收入薪资比 and the labour margin
 */
public record TechnicianResource(String login, Trade trade, BigDecimal wage) {
}
