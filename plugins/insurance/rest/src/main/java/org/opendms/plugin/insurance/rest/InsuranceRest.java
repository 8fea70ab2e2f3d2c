package org.opendms.plugin.insurance.rest;

import java.util.Locale;

import org.opendms.platform.api.DmsException;
import org.opendms.plugin.insurance.api.PolicyKind;

/** What the plugin's resources share: reading a kind. */
final class InsuranceRest {

    private InsuranceRest() {
    }

    /** An optional policy kind from a query string; JAX-RS would answer a wrong one with a bare 404. */
    static PolicyKind kind(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return PolicyKind.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为 COMPULSORY（交强险）或 COMMERCIAL（商业险）",
                    field + " must be COMPULSORY or COMMERCIAL");
        }
    }
}
