package org.opendms.invoicing.impl;

import java.util.Locale;
import java.util.regex.Pattern;

import org.opendms.invoicing.api.InvoiceDraft;
import org.opendms.invoicing.api.InvoiceKind;
import org.opendms.platform.api.Violations;

/**
 * The buyer block (购买方信息) as the tax authority takes it: every problem named at once, in Chinese and English. A
 * special invoice needs the whole block; an ordinary one the name, and the taxpayer number when one is given.
 */
final class BuyerCheck {

    /** 统一社会信用代码 characters (GB 32100-2015): digits and capitals without I, O, Z, S, V. */
    static final String CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{7,20}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{8,30}");

    /** The cleaned draft's values (stripped, blank as null, taxpayer number upper case). */
    record Buyer(InvoiceKind kind, String name, String taxpayerNumber, String address, String phone, String bank,
            String bankAccount, String email) {
    }

    private BuyerCheck() {
    }

    static Buyer check(InvoiceDraft d, Violations v) {
        if (d.settlementId() == null) {
            v.add("settlementId", "required", "请选择要开票的结算单", "choose the settlement document to invoice");
        }
        if (d.kind() == null) {
            v.add("kind", "required", "请选择发票种类（普通发票 ORDINARY 或专用发票 SPECIAL）",
                    "choose the kind of invoice: ORDINARY or SPECIAL");
        }
        boolean special = d.kind() == InvoiceKind.SPECIAL;
        String name = clean(d.buyerName());
        if (name == null) {
            v.add("buyerName", "required", "请填写购买方名称（抬头）", "the buyer's name is required");
        } else if (name.codePointCount(0, name.length()) > 100) {
            v.add("buyerName", "too_long", "购买方名称最多 100 个字", "the buyer's name has at most 100 characters");
        }
        String tax = clean(d.taxpayerNumber());
        if (tax != null) {
            tax = tax.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!validCode(tax)) {
                v.add("taxpayerNumber", "format", "纳税人识别号（统一社会信用代码）应为 18 位，且校验位正确",
                        "the taxpayer number (unified social credit code) is 18 characters with a valid check character");
            }
        } else if (special) {
            v.add("taxpayerNumber", "required", "专用发票须填写纳税人识别号（统一社会信用代码）",
                    "a special VAT invoice needs the buyer's taxpayer number (unified social credit code)");
        }
        String address = clean(d.address());
        String phone = clean(d.phone());
        String bank = clean(d.bank());
        String account = clean(d.bankAccount());
        if (special) {
            required(v, address, "address", "地址", "address");
            required(v, phone, "phone", "电话", "phone");
            required(v, bank, "bank", "开户行", "bank");
            required(v, account, "bankAccount", "银行账号", "bank account");
        }
        if (address != null && address.codePointCount(0, address.length()) > 200) {
            v.add("address", "too_long", "地址最多 200 个字", "the address has at most 200 characters");
        }
        if (phone != null && !PHONE.matcher(phone).matches()) {
            v.add("phone", "format", "电话应为 7–20 位数字（可含 -、空格、括号）",
                    "the phone is 7 to 20 digits (dashes, spaces and brackets allowed)");
        }
        if (bank != null && bank.codePointCount(0, bank.length()) > 100) {
            v.add("bank", "too_long", "开户行最多 100 个字", "the bank's name has at most 100 characters");
        }
        if (account != null) {
            account = account.replace(" ", "");
            if (!ACCOUNT.matcher(account).matches()) {
                v.add("bankAccount", "format", "银行账号应为 8–30 位数字", "the bank account is 8 to 30 digits");
            }
        }
        String email = clean(d.email());
        if (email != null && (email.length() > 100 || !EMAIL.matcher(email).matches())) {
            v.add("email", "format", "电子邮箱格式不正确（如 name@example.com）",
                    "the email is not an address (like name@example.com)");
        }
        return new Buyer(d.kind(), name, tax, address, phone, bank, account, email);
    }

    private static void required(Violations v, String value, String field, String zh, String en) {
        if (value == null) {
            v.add(field, "required", "专用发票须填写购买方" + zh, "a special VAT invoice needs the buyer's " + en);
        }
    }

    /** GB 32100-2015: 18 characters of {@link #CODE_CHARS}, the last one the check character of the other 17. */
    static boolean validCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CODE_CHARS.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.charAt(17) == CODE_CHARS.charAt(check);
    }

    static String clean(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        return s.strip();
    }
}
