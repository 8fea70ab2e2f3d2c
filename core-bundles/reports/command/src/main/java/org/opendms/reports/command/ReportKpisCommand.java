package org.opendms.reports.command;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.reports.api.Kpi;
import org.opendms.reports.api.KpiPack;
import org.opendms.reports.api.Period;

@Service
@Command(scope = "dms", name = "report-kpis", description = "KPI 报表 The workshop KPI pack of a month or period, with the previous period and last year")
public class ReportKpisCommand extends PeriodOptions {

    @Override
    void report(Period period) {
        KpiPack pack = reports.kpis(period, ConsoleActor.current());
        ConsoleText.out().println(pack.period() + "  工作日 D=" + pack.workingDays() + "  工位 B="
                + text(pack.bays()) + "  技师 T=" + text(pack.technicians()));
        ConsoleText.out().println(String.format("%-28s %14s %14s %14s", "指标 KPI", "本期", "上期", "去年同期"));
        for (Kpi k : pack.kpis()) {
            ConsoleText.out().println(String.format("%-28s %14s %14s %14s  %s", k.nameZh(),
                    value(k.value(), k.unit()), value(k.previous(), k.unit()), value(k.lastYear(), k.unit()),
                    k.missing().isEmpty() ? k.formulaZh() : "缺少 " + String.join("; ", k.missing())));
        }
    }

    static String value(BigDecimal v, String unit) {
        if (v == null) {
            return "—";
        }
        return "PERCENT".equals(unit) ? v.movePointRight(2).setScale(2, RoundingMode.HALF_UP) + " %"
                : v.toPlainString();
    }

    private static String text(BigDecimal v) {
        return v == null ? "未录入" : v.stripTrailingZeros().toPlainString();
    }
}
