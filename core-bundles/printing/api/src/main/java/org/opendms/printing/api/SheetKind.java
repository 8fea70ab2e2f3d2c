package org.opendms.printing.api;

import java.util.Locale;

import org.opendms.platform.api.DmsException;

/** A printed sheet of a work order, with the name in URLs ({@link #slug()}) and the Chinese title. */
public enum SheetKind {
    /** 委托书: the repair authorisation the customer signs at reception */
    AUTHORISATION("authorisation", "维修委托书"),
    /** 派工单: jobs, technicians, bays and times, for the workshop */
    JOB_SHEET("job-sheet", "派工单"),
    /** 领料单: the parts to issue, with their bins */
    PICK_LIST("pick-list", "领料单"),
    /** 结算单: the customer's bill */
    BILL("bill", "结算单"),
    /** 竣工出厂合格证: the completion certificate with the quality-guarantee period */
    CERTIFICATE("certificate", "机动车维修竣工出厂合格证");

    private final String slug;
    private final String title;

    SheetKind(String slug, String title) {
        this.slug = slug;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    /** The title printed on the sheet. */
    public String title() {
        return title;
    }

    /**
     * @throws DmsException INVALID_INPUT naming {@code kind} for anything but a slug (or the constant's name)
     */
    public static SheetKind of(String raw) {
        if (raw != null) {
            String s = raw.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            for (SheetKind k : values()) {
                if (k.slug.equals(s) || k.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(s)) {
                    return k;
                }
            }
        }
        throw DmsException.invalid("kind", "wrong_type",
                "kind 应为 authorisation、job-sheet、pick-list、bill 或 certificate",
                "kind must be authorisation, job-sheet, pick-list, bill or certificate");
    }
}
