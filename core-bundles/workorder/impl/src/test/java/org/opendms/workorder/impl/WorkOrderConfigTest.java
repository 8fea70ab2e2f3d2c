package org.opendms.workorder.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.QcLevel;

/** The DS configuration as Karaf hands it over: good values are taken, bad ones logged and replaced by the defaults. */
class WorkOrderConfigTest {

    static WorkOrderConfig config(String vatRate, int days, int km) {
        return config(vatRate, days, km, WorkOrderStore.DEFAULT_LABOUR_RATES);
    }

    static WorkOrderConfig config(String vatRate, int days, int km, String rates) {
        return config(vatRate, days, km, rates, 5000, 6, 30);
    }

    static WorkOrderConfig config(String vatRate, int days, int km, String rates, int maintenanceKm,
            int maintenanceMonths,
            int dueSoonDays) {
        return new WorkOrderConfig() {
            @Override
            public int maintenanceIntervalKm() {
                return maintenanceKm;
            }

            @Override
            public int maintenanceIntervalMonths() {
                return maintenanceMonths;
            }

            @Override
            public int dueSoonDays() {
                return dueSoonDays;
            }

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

            @Override
            public int photoMaxBytes() {
                return 5242880;
            }

            @Override
            public String labourRates() {
                return rates;
            }

            @Override
            public String qcLevels() {
                return WorkOrderStore.DEFAULT_QC_LEVELS;
            }

            @Override
            public String discountLimits() {
                return PriceRules.DEFAULT_LIMITS;
            }
        };
    }

    @Test
    void takesAGoodConfiguration() {
        WorkOrderStore service = new WorkOrderStore();
        assertEquals(WorkOrderStore.Settings.DEFAULTS, service.settings);
        service.configure(config("0.03", 14, 1500));
        assertEquals(new WorkOrderStore.Settings(new BigDecimal("0.0300"), 14, 1500), service.settings);
        service.configure(config("0", 0, 0));
        assertEquals(new WorkOrderStore.Settings(new BigDecimal("0.0000"), 0, 0), service.settings);
    }

    @Test
    void takesTheReceptionIntervalsAndReplacesImpossibleOnes() {
        WorkOrderStore service = new WorkOrderStore();
        assertEquals(ReceptionBriefs.Intervals.DEFAULTS, service.intervals);
        service.configure(config("0.13", 30, 3000, WorkOrderStore.DEFAULT_LABOUR_RATES, 10000, 12, 15));
        assertEquals(new ReceptionBriefs.Intervals(10000, 12, 15), service.intervals);
        service.configure(config("0.13", 30, 3000, WorkOrderStore.DEFAULT_LABOUR_RATES, 0, -1, -1));
        assertEquals(ReceptionBriefs.Intervals.DEFAULTS, service.intervals);
    }

    @Test
    void replacesBadValuesByTheDefaults() {
        WorkOrderStore service = new WorkOrderStore();
        service.configure(config("13%", -1, -5));
        assertEquals(WorkOrderStore.Settings.DEFAULTS, service.settings);
        assertEquals(new BigDecimal("0.1300"), service.settings.vatRate());
        assertEquals(30, service.settings.comebackDays());
        assertEquals(3000, service.settings.comebackKm());
    }

    @Test
    void takesALabourRateTableAndRefusesABadOneWhole() {
        WorkOrderStore service = new WorkOrderStore();
        assertEquals(new BigDecimal("100.00"), service.labourRates.get(PayType.CUSTOMER));
        service.configure(config("0.13", 30, 3000, "CUSTOMER=120.5, WARRANTY=95"));
        assertEquals(
                java.util.Map.of(PayType.CUSTOMER, new BigDecimal("120.50"), PayType.WARRANTY, new BigDecimal("95.00")),
                service.labourRates);
        for (String bad : new String[] { "CUSTOMER=-1", "CUSTOMER=1.005", "RETAIL=100", "CUSTOMER",
                "CUSTOMER=1,CUSTOMER=2" }) {
            service.configure(config("0.13", 30, 3000, bad));
            assertEquals(WorkOrderStore.DEFAULT_LABOUR_RATES.split(",").length, service.labourRates.size(), bad);
            assertEquals(new BigDecimal("100.00"), service.labourRates.get(PayType.INTERNAL), bad);
        }
    }

    @Test
    void takesQcLevelsButNeverWithoutTheFinalCheck() {
        assertEquals(java.util.List.of(QcLevel.SELF, QcLevel.FOREMAN, QcLevel.FINAL),
                WorkOrderRules.qcLevels("FINAL, SELF,FOREMAN"));
        assertEquals(java.util.List.of(QcLevel.FINAL), WorkOrderRules.qcLevels("FINAL"));
        assertEquals(null, WorkOrderRules.qcLevels("SELF,FOREMAN"));
        assertEquals(null, WorkOrderRules.qcLevels("FINAL,BOSS"));
    }
}
