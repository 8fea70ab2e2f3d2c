package org.opendms.workorder.api;

import java.math.BigDecimal;

/**
 * A labour operation as the service manager enters it.
 *
 * @param code          required, at most 40 letters, digits, '-', '.', '_' or '/'; stored upper case
 * @param name          required, at most 200 characters
 * @param flatRateHours required, more than 0, at most 99.99, at most 2 decimals
 * @param skill         optional: a known, active code of the skill catalogue (or its name); stored as the code
 * @param active        absent means true
 */
public record LabourOperationDraft(String code, String name, BigDecimal flatRateHours, String skill, Boolean active) {
}
