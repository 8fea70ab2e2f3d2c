package org.opendms.settlement.api;

import java.util.List;

/** The tender methods core takes itself; plugins add theirs by code ({@link TenderProvider}). */
public final class TenderMethods {

    /** 现金: amount tendered and change */
    public static final String CASH = "CASH";
    /** 银行卡 */
    public static final String BANK_CARD = "BANK_CARD";
    /** 微信支付, with the provider's transaction number */
    public static final String WECHAT = "WECHAT";
    /** 支付宝, with the provider's transaction number */
    public static final String ALIPAY = "ALIPAY";
    /** 订金: a deposit taken at reception for this work order */
    public static final String DEPOSIT = "DEPOSIT";
    /** 挂账: on a company customer's credit account */
    public static final String ON_ACCOUNT = "ON_ACCOUNT";

    /** Core's methods in the order a payment dialog lists them. */
    public static final List<String> CORE = List.of(CASH, WECHAT, ALIPAY, BANK_CARD, DEPOSIT, ON_ACCOUNT);

    private TenderMethods() {
    }
}
