package org.opendms.printing.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** etc/org.opendms.printing.cfg: the shop's name on every sheet, the reception terms and the guarantee periods. */
@ObjectClassDefinition(name = "OpenDMS printed sheets", description = "委托书、派工单、领料单、结算单、竣工出厂合格证")
@interface PrintingConfig {

    @AttributeDefinition(description = "printed at the top of every sheet")
    String shopName() default "OpenDMS 汽车服务中心";

    /**
     * The quality-guarantee period of each repair class as "class=km/days". The defaults are the minimums of the
     * 机动车维修管理规定 (Art. 38) for cars: 整车修理或者总成修理 20000 km or 100 days, 二级维护 5000 km or 30 days, 一级维护、小修及专项修理
     * 2000 km or 10 days.
     */
    @AttributeDefinition(description = "repair class = km/days")
    String[] guarantees() default { "整车修理=20000/100", "总成修理=20000/100", "二级维护=5000/30", "一级维护=2000/10",
            "小修=2000/10", "专项修理=2000/10" };

    /** The repair class of each visit type; a visit of several types gets the longest guarantee of theirs. */
    @AttributeDefinition(description = "visit type = repair class")
    String[] repairClasses() default { "MAINTENANCE=一级维护", "GENERAL_REPAIR=小修", "ACCIDENT=总成修理", "WARRANTY=小修",
            "INSURANCE=小修", "INTERNAL=小修", "PDI=专项修理" };

    /** Where the customer's phone opens an e-bill: the platform's public address, then /api/e-bill/. */
    @AttributeDefinition(description = "the e-bill link up to the token (the QR code on the bill)")
    String eBillBaseUrl() default "http://localhost:8181/api/e-bill/";

    @AttributeDefinition(description = "days an e-bill link stays valid")
    int eBillDays() default 30;

    /** Guessing tokens from one address is slowed down to this many e-bill requests a minute (429 beyond). */
    @AttributeDefinition(description = "e-bill requests per minute from one address")
    int eBillRequestsPerMinute() default 30;

    @AttributeDefinition(description = "the terms printed on the repair authorisation above the customer's signature")
    String terms() default "1. 本委托书经客户签字后生效，维修项目及预估金额以本单为准；维修中发现需追加的项目，须经客户同意后方可施工。\n"
            + "2. 预估金额仅供参考，结算以实际发生的工时、配件为准，价格不含税，增值税按工单税率另计。\n"
            + "3. 请客户取走车内贵重物品，未登记的物品遗失本店不承担责任。\n"
            + "4. 更换下的旧件如客户需要带走请在接车时说明，否则由本店按规定处理。\n"
            + "5. 车辆竣工通知后超过 3 日未取车的，本店可收取停车保管费。";
}
