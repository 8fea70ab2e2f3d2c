package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.util.Set;

import org.opendms.platform.api.Violations;

/** The checks of what a request says, before anything is read or written. */
final class Checks {

    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    static final Set<String> TOP_UP_TENDERS = Set.of("CASH", "WECHAT", "ALIPAY", "BANK_CARD");

    private Checks() {
    }

    /** A money amount above 0 (or ≥ 0 when zeroAllowed), at most 100,000 yuan, in fen. */
    static void amount(Violations v, String field, BigDecimal amount, boolean zeroAllowed) {
        if (amount == null) {
            v.add(field, "required", field + " 必填", field + " is required");
        } else if (amount.signum() < 0 || (!zeroAllowed && amount.signum() == 0)) {
            v.add(field, "out_of_range", field + " 应大于 0", field + " must be above 0");
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            v.add(field, "out_of_range", field + " 不能超过 100000 元", field + " cannot exceed 100,000");
        } else if (amount.stripTrailingZeros().scale() > 2) {
            v.add(field, "scale", field + " 最多两位小数（分）", field + " has at most two decimals (fen)");
        }
    }

    /** A product's or a campaign's code (answered upper case, null when wrong) and name, as the manager types them. */
    static String codeAndName(Violations v, String rawCode, String name) {
        String code = rawCode == null ? null : rawCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (code == null || !code.matches("[A-Z0-9-]{2,20}")) {
            v.add("code", "invalid", "编码为 2–20 位字母、数字或横线", "code is 2–20 letters, digits or dashes");
        }
        if (v.required("name", name)) {
            v.maxLength("name", name, 60);
        }
        return code;
    }

    static void reason(Violations v, String reason) {
        if (reason == null || reason.strip().length() < 2) {
            v.add("reason", "required", "请写明原因", "a reason is required");
        } else if (reason.length() > 200) {
            v.add("reason", "too_long", "原因最多 200 字", "the reason is at most 200 characters");
        }
    }

    /**
     * How the customer paid money taken at the desk (a top-up, a card, a tier) and the slip's number: answers the
     * method upper case, null when wrong.
     */
    static String paidWith(Violations v, String raw, String reference) {
        String paidWith = raw == null ? null : raw.strip().toUpperCase(java.util.Locale.ROOT);
        if (paidWith == null || !TOP_UP_TENDERS.contains(paidWith)) {
            v.add("paidWith", "invalid", "付款方式应为现金、微信、支付宝或银行卡", "paidWith is CASH, WECHAT, ALIPAY or BANK_CARD");
            paidWith = null;
        }
        if (reference != null && reference.length() > 100) {
            v.add("reference", "too_long", "单据号最多 100 字", "the reference is at most 100 characters");
        }
        return paidWith;
    }

    static void pin(Violations v, String pin) {
        if (!Pins.wellFormed(pin)) {
            v.add("pin", "pin.format", "密码应为 6 位数字", "the PIN is 6 digits");
        }
    }
}
