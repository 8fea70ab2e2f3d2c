package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Bin;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "bin-add", description = "新建库位 Add a bin (area, shelf, level) to a warehouse")
public class BinAdd implements Action {

    @Reference
    Warehouses warehouses;

    @Argument(index = 0, name = "warehouse", required = true, description = "仓库代码 warehouse code")
    String warehouse;

    @Argument(index = 1, name = "area", required = true, description = "区 area")
    String area;

    @Argument(index = 2, name = "shelf", description = "架 shelf")
    String shelf;

    @Argument(index = 3, name = "level", description = "层 level")
    String level;

    @Option(name = "--code", description = "库位代码 bin code (absent: area-shelf-level)")
    String code;

    @Override
    public Object execute() {
        try {
            Warehouse w = PartsConsole.warehouse(warehouses, warehouse);
            Bin b = warehouses.addBin(w.id(), code, area, shelf, level, ConsoleActor.current());
            ConsoleText.out().println("已新建库位 added bin " + b.id() + "  " + w.code() + " / " + b.code());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
