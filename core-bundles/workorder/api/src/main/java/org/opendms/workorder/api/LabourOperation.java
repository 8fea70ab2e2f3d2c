package org.opendms.workorder.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An operation of the labour catalogue (工时目录): what a labour line's operation code stands for.
 *
 * @param code          upper case, e.g. BY-01
 * @param name          what is done, e.g. 更换机油机滤
 * @param flatRateHours the standard time (标准工时) a line of it sells unless the advisor sells other hours
 * @param skill         the code of the trade that does it in the skill catalogue (e.g. HIGH_VOLTAGE); the dispatch
 *                      suggestion ranks technicians in it and dispatch wants it; null if any
 * @param active        a retired operation (false) stays on old lines but no new line may use it
 * @param version       send it back to change the operation
 */
public record LabourOperation(String code, String name, BigDecimal flatRateHours, String skill, boolean active,
        Instant updatedAt, String updatedBy, long version) {
}
