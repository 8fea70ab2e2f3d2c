package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The DS configuration as Karaf hands it over: good values are taken, bad ones logged and replaced by the defaults. */
class WorkOrderConfigTest {

    static WorkOrderConfig config(String vatRate, int days, int km) {
        return new WorkOrderConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return WorkOrderConfig.class;
            }

            @Override
            public String vatRate() {
                return vatRate;
            }

            @Override
            public int comebackDays() {
                return days;
            }

            @Override
            public int comebackKm() {
                return km;
            }
        };
    }

    @Test
    void takesAGoodConfiguration() {
        JpaWorkOrderService service = new JpaWorkOrderService();
        assertEquals(JpaWorkOrderService.Settings.DEFAULTS, service.settings);
        service.configure(config("0.03", 14, 1500));
        assertEquals(new JpaWorkOrderService.Settings(new BigDecimal("0.0300"), 14, 1500), service.settings);
        service.configure(config("0", 0, 0));
        assertEquals(new JpaWorkOrderService.Settings(new BigDecimal("0.0000"), 0, 0), service.settings);
    }

    @Test
    void replacesBadValuesByTheDefaults() {
        JpaWorkOrderService service = new JpaWorkOrderService();
        service.configure(config("13%", -1, -5));
        assertEquals(JpaWorkOrderService.Settings.DEFAULTS, service.settings);
        assertEquals(new BigDecimal("0.1300"), service.settings.vatRate());
        assertEquals(30, service.settings.comebackDays());
        assertEquals(3000, service.settings.comebackKm());
    }
}
