package org.opendms.customer.impl;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerType;
import org.opendms.customer.api.Mobile;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;

/** Checks a draft completely, so the user sees every wrong field at once, and returns it cleaned. */
final class CustomerRules {

    static final int NAME_MAX = 100;
    static final int ADDRESS_MAX = 200;
    static final int NOTE_MAX = 500;
    static final int TAG_MAX = 20;
    static final int TAGS_MAX = 20;
    private static final Pattern WECHAT_ID = Pattern.compile("[A-Za-z][-_A-Za-z0-9]{5,19}");

    /** A draft that passed every rule. */
    record Valid(CustomerType type, String name, Mobile mobile, String wechatId, String address, Set<String> tags,
            boolean marketingConsent, String note) {
    }

    private CustomerRules() {
    }

    static Valid check(CustomerDraft draft) {
        if (draft == null) {
            throw DmsException.invalid("", "required", "请提交客户资料", "customer details are required");
        }
        Violations v = new Violations();
        if (draft.type() == null) {
            v.add("type", "required", "请选择客户类型：PERSON 个人 或 COMPANY 单位", "type is required: PERSON or COMPANY");
        }
        String name = trim(draft.name());
        if (v.required("name", name) && v.maxLength("name", name, NAME_MAX)) {
            noControlCharacters(v, "name", name);
        }
        Mobile mobile = null;
        String rawMobile = trim(draft.mobile());
        if (rawMobile == null) {
            if (draft.type() != CustomerType.COMPANY) {
                v.add("mobile", "required", "个人客户必须填写手机号", "a person's mobile is required");
            }
        } else {
            try {
                mobile = Mobile.parse("mobile", rawMobile);
            } catch (DmsException e) {
                e.violations().forEach(v::add);
            }
        }
        String wechat = trim(draft.wechatId());
        if (wechat != null && !(wechat.length() <= 20 && WECHAT_ID.matcher(wechat).matches())) {
            v.add("wechatId", "wechat.format", "微信号应为6–20位字母、数字、下划线或减号，并以字母开头",
                    "wechatId must be 6–20 letters, digits, '_' or '-', starting with a letter");
        }
        String address = trim(draft.address());
        if (v.maxLength("address", address, ADDRESS_MAX) && address != null) {
            noControlCharacters(v, "address", address);
        }
        String note = trim(draft.note());
        v.maxLength("note", note, NOTE_MAX);
        Set<String> tags = new TreeSet<>();
        if (draft.tags() != null) {
            if (draft.tags().size() > TAGS_MAX) {
                v.add("tags", "too_many", "标签最多 " + TAGS_MAX + " 个", "at most " + TAGS_MAX + " tags");
            } else {
                for (int i = 0; i < draft.tags().size(); i++) {
                    String field = "tags[" + i + "]";
                    String tag = trim(draft.tags().get(i));
                    if (v.required(field, tag) && v.maxLength(field, tag, TAG_MAX)) {
                        noControlCharacters(v, field, tag);
                        tags.add(tag);
                    }
                }
            }
        }
        v.throwIfAny();
        return new Valid(draft.type(), name, mobile, wechat, address, tags,
                Boolean.TRUE.equals(draft.marketingConsent()), note);
    }

    /** The form of a name that search compares: full-width folded, lower case. */
    static String searchForm(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).trim();
    }

    private static void noControlCharacters(Violations v, String field, String value) {
        if (value.chars().anyMatch(Character::isISOControl)) {
            v.add(field, "control_character", field + " 含有不可见的控制字符", field + " contains control characters");
        }
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
