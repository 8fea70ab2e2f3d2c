package org.opendms.parts.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.purchasing.OrderSuggestions;
import org.opendms.parts.api.purchasing.PartDemand;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "parts-demand", description = "需求预测 Next month's demand per part of a warehouse, with"
        + " the method and its error on the part's own history")
public class PartsDemand implements Action {

    @Reference
    OrderSuggestions suggestions;

    @Argument(index = 0, name = "warehouseId", required = true, description = "仓库 ID warehouse id")
    long warehouseId;

    @Option(name = "--top", description = "只列预测最大的 N 个 only the N largest forecasts (default 30)")
    int top = 30;

    @Override
    public Object execute() {
        try {
            List<PartDemand> all = suggestions.demand(warehouseId, ConsoleActor.current());
            System.out.printf("%d 个配件有领用 parts issued in two years%n", all.size());
            System.out.printf("%-20s %-16s %8s %8s %6s  %s%n", "配件号 part", "名称 name", "预测", "误差", "相对",
                    "方法 method");
            all.stream().sorted((a, b) -> b.forecast().compareTo(a.forecast())).limit(Math.max(1, top))
                    .forEach(d -> System.out.printf("%-20s %-16s %8s %8s %6s  %s%n", d.partNumber(),
                            d.partName().length() > 14 ? d.partName().substring(0, 14) : d.partName(),
                            d.forecast().toPlainString(), d.error() == null ? "-" : d.error().toPlainString(),
                            d.relativeError() == null ? "-" : d.relativeError().toPlainString(), d.method()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
