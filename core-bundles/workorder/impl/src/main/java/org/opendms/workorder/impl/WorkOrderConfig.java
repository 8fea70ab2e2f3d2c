package org.opendms.workorder.impl;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS work orders", description = "维修工单设置 Settings of work orders")
public @interface WorkOrderConfig {

    String PID = "org.opendms.workorder";

    @AttributeDefinition(description = "增值税率 VAT rate for new work orders, e.g. 0.13 (general taxpayer), 0.03 or 0.01"
            + " (small-scale); 0 to 0.99, at most 4 decimals; another value is logged and 0.13 used")
    String vatRate() default "0.13";

    @AttributeDefinition(min = "0", max = "3650", description = "返修判定天数 A delivery this many days ago or less proposes a comeback link")
    int comebackDays() default 30;

    @AttributeDefinition(min = "0", max = "1000000", description = "返修判定里程 A delivery this many km ago or less proposes a comeback link")
    int comebackKm() default 3000;

    @AttributeDefinition(min = "1", max = "100000", description = "保养间隔里程 Maintenance falls due this many km after the"
            + " last maintenance visit")
    int maintenanceIntervalKm() default 5000;

    @AttributeDefinition(min = "1", max = "60", description = "保养间隔月数 …or this many months after it, whichever comes first")
    int maintenanceIntervalMonths() default 6;

    @AttributeDefinition(min = "0", max = "365", description = "到期提醒天数 Insurance and annual inspection due within this"
            + " many days are raised at reception")
    int dueSoonDays() default 30;

    @AttributeDefinition(min = "65536", max = "52428800", description = "环车照片大小上限 Largest walk-around photo in bytes,"
            + " 65536 (64 KiB) to 52428800 (50 MiB); default 5242880 (5 MiB)")
    int photoMaxBytes() default 5242880;

    @AttributeDefinition(description = "工时单价表 Labour rate per hour by pay type, used for a labour line given without a rate,"
            + " e.g. CUSTOMER=120,WARRANTY=100,INSURANCE=110,INTERNAL=80; a pay type left out needs the rate on each line")
    String labourRates() default "CUSTOMER=100,WARRANTY=100,INSURANCE=100,INTERNAL=100";

    @AttributeDefinition(description = "折扣权限 Largest discount per role, in percent of quantity × unit price, given without"
            + " the service manager's approval, e.g. advisor=10,foreman=0,manager=unlimited; a role left out has 0; the"
            + " largest of a person's roles applies. A price below the list price always needs the manager.")
    String discountLimits() default PriceRules.DEFAULT_LIMITS;

    @AttributeDefinition(description = "质检级别 QC levels a work order passes before it is completed, of SELF (自检), FOREMAN"
            + " (班组检) and FINAL (终检); FINAL is always required")
    String qcLevels() default "SELF,FOREMAN,FINAL";
}
