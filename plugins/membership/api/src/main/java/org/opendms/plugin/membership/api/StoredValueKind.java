package org.opendms.plugin.membership.api;

/** The kinds of stored-value ledger entry. */
public enum StoredValueKind {
    /** 充值: principal paid in (by a core tender at the cashier), with the bonus of the rule. */
    TOP_UP("充值"),
    /** 消费: paid a settlement (−), principal and bonus in the configured proportion. */
    PAYMENT("消费"),
    /** 消费撤销: a payment put back, because the settlement's payment failed or the settlement was reversed (红冲). */
    PAYMENT_BACK("消费退回"),
    /** 退款: unused principal paid back to the customer (manager's approval); the bonus goes with it. */
    REFUND("退款"),
    /** 调整: a manual correction by the manager, with a reason. */
    ADJUSTMENT("调整");

    private final String zh;

    StoredValueKind(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
