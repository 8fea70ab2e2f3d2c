package org.opendms.reports.api;

/** How a revenue report cuts its period: 日, 周 (Monday to Sunday), 月, 季, 年. */
public enum Granularity {
    DAY("日"), WEEK("周"), MONTH("月"), QUARTER("季"), YEAR("年");

    private final String zh;

    Granularity(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }
}
