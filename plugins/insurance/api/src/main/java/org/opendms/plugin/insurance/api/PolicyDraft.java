package org.opendms.plugin.insurance.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a user types to record a policy or correct it. Nothing is trusted: the service validates every field and
 * names each one that is wrong.
 *
 * @param vehicleId    an existing vehicle
 * @param insurer      保险公司, 2–40 characters, e.g. "中国人保"
 * @param policyNumber 保单号, 5–40 letters, digits or '-'; unique per insurer
 * @param kind         COMPULSORY (交强险) or COMMERCIAL (商业险)
 * @param startDate    first day of cover
 * @param endDate      last day of cover, inclusive; after the start and at most 366 days after it
 * @param premium      保费 in yuan, 0–1,000,000, at most two decimals
 * @param note         free text, at most 500 characters
 */
public record PolicyDraft(Long vehicleId, String insurer, String policyNumber, PolicyKind kind, LocalDate startDate,
        LocalDate endDate, BigDecimal premium, String note) {
}
