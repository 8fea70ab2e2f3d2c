package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseKind;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "warehouse-add", description = "新建仓库 Add a warehouse (with its default bin)")
public class WarehouseAdd implements Action {

    @Reference
    Warehouses warehouses;

    @Argument(index = 0, name = "code", required = true, description = "仓库代码 code (letters, digits, -)")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "名称 name")
    String name;

    @Option(name = "--kind", description = "类型 kind: shop (门店库, default), central (总库), old-parts (旧件库)")
    String kind = "shop";

    @Override
    public Object execute() {
        try {
            Warehouse w = warehouses.create(code, name, kind(kind), ConsoleActor.current());
            ConsoleText.out().println("已新建仓库 added " + w.id() + "  " + w.code() + "  " + w.name() + "  "
                    + WarehouseList.kind(w));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    static WarehouseKind kind(String typed) {
        return switch (typed.strip().toLowerCase().replace('_', '-')) {
        case "shop" -> WarehouseKind.SHOP;
        case "central" -> WarehouseKind.CENTRAL;
        case "old-parts" -> WarehouseKind.OLD_PARTS;
        default -> throw DmsException.invalid("kind", "unknown", "仓库类型应为 shop、central 或 old-parts",
                "kind is shop, central or old-parts");
        };
    }
}
