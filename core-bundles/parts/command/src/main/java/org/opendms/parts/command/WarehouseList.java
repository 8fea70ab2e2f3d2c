package org.opendms.parts.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Bin;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "warehouse-list", description = "仓库列表 The warehouses (--bins: with their bins)")
public class WarehouseList implements Action {

    @Reference
    Warehouses warehouses;

    @Option(name = "--bins", description = "列出库位 list each warehouse's bins")
    boolean bins;

    @Override
    public Object execute() {
        PrintStream out = ConsoleText.out();
        out.println(
                ConsolePrinter.cell("ID", 6) + ConsolePrinter.cell("代码 code", 12) + ConsolePrinter.cell("类型 kind", 12)
                        + ConsolePrinter.cell("状态 state", 14) + "名称 name");
        for (Warehouse w : warehouses.list()) {
            out.println(ConsolePrinter.cell(String.valueOf(w.id()), 6) + ConsolePrinter.cell(w.code(), 12)
                    + ConsolePrinter.cell(kind(w), 12)
                    + ConsolePrinter.cell(w.active() ? "启用 active" : "停用 inactive", 14) + w.name());
            if (bins) {
                for (Bin b : warehouses.bins(w.id())) {
                    out.println(
                            "      库位 bin " + ConsolePrinter.cell(b.code(), 20) + (b.active() ? "" : "停用 inactive"));
                }
            }
        }
        return null;
    }

    static String kind(Warehouse w) {
        return switch (w.kind()) {
        case CENTRAL -> "总库 central";
        case SHOP -> "门店 shop";
        case OLD_PARTS -> "旧件 old";
        };
    }
}
