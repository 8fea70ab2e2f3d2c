package org.opendms.plugin.insurance.impl;

import org.opendms.plugin.insurance.api.InsuranceService;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "OpenDMS insurance", description = "车险插件设置 Settings of the insurance plugin")
public @interface InsuranceConfig {

    String PID = "org.opendms.insurance";
    int DEFAULT_WINDOW_DAYS = 30;

    @AttributeDefinition(min = "" + InsuranceService.WINDOW_MIN_DAYS, max = ""
            + InsuranceService.WINDOW_MAX_DAYS, description = "续保名单提前天数 How many days ahead the renewal list looks (1–365); another value is logged and 30 used")
    int renewalWindowDays() default DEFAULT_WINDOW_DAYS;
}
