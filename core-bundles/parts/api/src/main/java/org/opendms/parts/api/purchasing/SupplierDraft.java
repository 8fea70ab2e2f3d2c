package org.opendms.parts.api.purchasing;

/**
 * A new supplier, or the whole of a supplier's changed fields. {@code code} and {@code name} are required;
 * {@code leadTimeDays} 0 to 365 (null: 0); {@code active} null means true.
 */
public record SupplierDraft(String code, String name, String contactPerson, String phone, String email,
        String address, Integer leadTimeDays, String paymentTerms, Boolean active, String note) {
}
