package org.opendms.workorder.api;

/**
 * A job (维修项目): one customer concern or finding, with who pays for it.
 *
 * @param concern what the customer reports or the technician found, 1 to 500 characters
 * @param payType absent means CUSTOMER
 */
public record JobDraft(String concern, PayType payType) {

    public static JobDraft customer(String concern) {
        return new JobDraft(concern, PayType.CUSTOMER);
    }
}
