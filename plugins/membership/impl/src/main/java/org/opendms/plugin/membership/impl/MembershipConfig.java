package org.opendms.plugin.membership.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS membership", description = "会员插件设置：储值规则 Settings of the membership plugin: stored-value rules")
public @interface MembershipConfig {

    String PID = "org.opendms.membership";

    @AttributeDefinition(description = "充值赠送 Top-up bonus steps, AMOUNT:BONUS, e.g. 1000:100,2000:300")
    String topUpBonus() default "500:30,1000:100,2000:300";

    @AttributeDefinition(description = "会员等级 Tiers by the member's spend over the last 12 months, TIER:YUAN, e.g."
            + " SILVER:5000,GOLD:20000 (below the first: STANDARD)")
    String tiers() default "SILVER:5000,GOLD:20000";

    @AttributeDefinition(description = "付费会员 Tiers for sale, TIER:YUAN:MONTHS, e.g. GOLD:299:12 (gold for 299 a"
            + " year); empty: none")
    String tierPurchases() default "GOLD:299:12";

    @AttributeDefinition(description = "储值退款规则 Refunds of unused principal: PROPORTIONAL (the manager pays back"
            + " principal; the same share of the bonus goes with it) or NONE (储值不退: no refunds)")
    String refundRule() default "PROPORTIONAL";

    @AttributeDefinition(description = "付款时本金与赠送金的使用顺序 How a payment uses principal and bonus:"
            + " PROPORTIONAL, PRINCIPAL_FIRST, BONUS_FIRST")
    String spendOrder() default "PROPORTIONAL";
}
