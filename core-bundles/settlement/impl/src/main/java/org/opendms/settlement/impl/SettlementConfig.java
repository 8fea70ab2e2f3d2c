package org.opendms.settlement.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opendms.settlement.cfg */
@ObjectClassDefinition(name = "OpenDMS settlement", description = "结算 discounts, handling fee and rounding")
public @interface SettlementConfig {

    String PID = "org.opendms.settlement";

    @AttributeDefinition(description = "整单折扣不超过此比例（单据金额的份额）时无需经理审批, e.g. 0.10")
    String discountLimitShare() default "0.10";

    @AttributeDefinition(description = "材料管理费：配件金额的份额, e.g. 0.05; 0 for none")
    String handlingFeeRate() default "0";

    @AttributeDefinition(description = "收材料管理费的付款方, comma-separated Payer names")
    String handlingFeePayers() default "CUSTOMER,INSURER";

    @AttributeDefinition(description = "抹零最多抹去的金额（元）, e.g. 1.00")
    String roundingLimit() default "1.00";

    @AttributeDefinition(description = "交车前客户结算单须已收款或挂账（或经理批准先交车后付款）; false for a shop that"
            + " takes money outside the platform")
    boolean deliveryNeedsPayment() default true;
}
