package org.opendms.parts.command;

import java.time.LocalDate;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.figures.PartsFigureSheet;
import org.opendms.parts.api.figures.PartsFigures;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "parts-figures", description = "配件经营指标 Parts figures of a period: fill rate,"
        + " urgent orders, cost of parts issued, average inventory value, turnover")
public class PartsFiguresShow implements Action {

    @Reference
    PartsFigures figures;

    @Argument(index = 0, name = "from", required = true, description = "开始日期 first day yyyy-MM-dd")
    String from;

    @Argument(index = 1, name = "to", required = true, description = "结束日期 last day yyyy-MM-dd")
    String to;

    @Option(name = "--warehouse", multiValued = true, description = "仓库 ID warehouse id (repeatable; absent: all)")
    List<Long> warehouseIds;

    @Override
    public Object execute() {
        try {
            PartsFigureSheet f = figures.figures(day("from", from), day("to", to), warehouseIds,
                    ConsoleActor.current());
            ConsoleText.out().printf("期间 period %s – %s, 仓库 warehouses %s%n", f.from(), f.to(),
                    f.warehouseIds().isEmpty() ? "全部 all" : f.warehouseIds());
            ConsoleText.out().printf("需求行 lines requested           %d%n", f.linesRequested());
            ConsoleText.out().printf("即时满足 filled from stock at once %d  备件供应率 fill rate %s%n",
                    f.linesFilledAtOnce(), percent(f.fillRate()));
            ConsoleText.out().printf("紧急订货 ordered urgently        %d  紧急订货率 %s%n", f.linesOrderedUrgently(),
                    percent(f.urgentOrderRate()));
            ConsoleText.out().printf("领料成本 cost of parts issued    %s%n", show(f.costOfPartsIssued()));
            ConsoleText.out().printf("期初/期末库存 opening/closing     %s / %s%n", show(f.openingValue()),
                    show(f.closingValue()));
            ConsoleText.out().printf("平均库存 average inventory value %s  周转率 turnover %s%n",
                    show(f.averageInventoryValue()), f.turnover() == null ? "-" : f.turnover().toPlainString());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    private static LocalDate day(String field, String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为日期 yyyy-MM-dd",
                    field + " must be a date yyyy-MM-dd");
        }
    }

    private static String show(java.math.BigDecimal x) {
        return x == null ? "（无成本权限 no cost permission）" : x.toPlainString();
    }

    private static String percent(java.math.BigDecimal rate) {
        return rate == null ? "-" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + " %";
    }
}
