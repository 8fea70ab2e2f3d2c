package org.opendms.invoicing.api;

/**
 * What the customer asks for (开票信息). The amounts are the settlement document's.
 *
 * @param settlementId   the settled document (结算单) to invoice
 * @param kind           ORDINARY or SPECIAL
 * @param buyerName      购买方名称: the person's or company's name, at most 100 characters
 * @param taxpayerNumber 纳税人识别号 / 统一社会信用代码, 18 characters (GB 32100 check character); required for SPECIAL,
 *                       optional for ORDINARY (a person)
 * @param address        购买方地址: required for SPECIAL
 * @param phone          购买方电话: required for SPECIAL (a landline or a mobile)
 * @param bank           开户行: required for SPECIAL
 * @param bankAccount    银行账号: required for SPECIAL, digits
 * @param email          where the 数电票 is sent; optional
 */
public record InvoiceDraft(Long settlementId, InvoiceKind kind, String buyerName, String taxpayerNumber,
        String address, String phone, String bank, String bankAccount, String email) {
}
