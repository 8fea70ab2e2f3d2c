package org.opendms.audit.impl;

import java.util.Locale;
import java.util.Set;

import org.opendms.customer.api.Mobile;

/**
 * Personal data as the trail keeps it (PIPL: the manager sees that it changed, not the value): a mobile as the
 * customer module shows it (138****1234), an ID number with only its first 3 and last 4 characters, an address cut
 * to its first characters (the district), other personal fields to their first character. A field is recognised by
 * the last part of its path, case-insensitively (e.g. {@code owner.mobile} is a mobile).
 */
final class Masking {

    final Set<String> mobiles;
    final Set<String> idNumbers;
    final Set<String> addresses;
    final Set<String> others;
    final int addressKeep;

    Masking(Set<String> mobiles, Set<String> idNumbers, Set<String> addresses, Set<String> others, int addressKeep) {
        this.mobiles = lower(mobiles);
        this.idNumbers = lower(idNumbers);
        this.addresses = lower(addresses);
        this.others = lower(others);
        this.addressKeep = addressKeep;
    }

    static Masking defaults() {
        return new Masking(Set.of("mobile", "mobileMasked", "phone", "ownerMobile"),
                Set.of("idNumber", "idCard", "licenceNumber", "bankAccount"), Set.of("address"),
                Set.of("wechatId", "email"), 6);
    }

    private static Set<String> lower(Set<String> names) {
        return names.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    String mask(String field, String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String leaf = leaf(field);
        if (mobiles.contains(leaf)) {
            return mobile(value);
        }
        if (idNumbers.contains(leaf)) {
            return value.length() <= 7 ? "*".repeat(value.length())
                    : value.substring(0, 3) + "*".repeat(value.length() - 7) + value.substring(value.length() - 4);
        }
        if (addresses.contains(leaf)) {
            int keep = Math.min(addressKeep, value.codePointCount(0, value.length()) - 1);
            return keep <= 0 ? "…" : value.substring(0, value.offsetByCodePoints(0, keep)) + "…";
        }
        if (others.contains(leaf)) {
            return value.substring(0, value.offsetByCodePoints(0, 1)) + "***";
        }
        return value;
    }

    private static String mobile(String value) {
        if (value.contains("*")) {
            return value; // already masked by its module
        }
        try {
            return Mobile.parse("mobile", value).masked();
        } catch (RuntimeException notAMobile) {
            return value.length() <= 4 ? "****" : "****" + value.substring(value.length() - 4);
        }
    }

    private static String leaf(String field) {
        int dot = field.lastIndexOf('.');
        String leaf = dot < 0 ? field : field.substring(dot + 1);
        int bracket = leaf.indexOf('[');
        return (bracket < 0 ? leaf : leaf.substring(0, bracket)).toLowerCase(Locale.ROOT);
    }
}
