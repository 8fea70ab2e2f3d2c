package org.opendms.parts.command;

import java.math.BigDecimal;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.stocktake.Count;
import org.opendms.parts.api.stocktake.Stocktake;
import org.opendms.parts.api.stocktake.Stocktakes;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "stocktake-count", description = "录入盘点数量 Enter a count: the part number as typed or"
        + " scanned (or --line), and the quantity found")
public class StocktakeCount implements Action {

    @Reference
    Stocktakes stocktakes;

    @Argument(index = 0, name = "id", required = true, description = "盘点单 ID stocktake id")
    long id;

    @Argument(index = 1, name = "part", required = false, description = "零件号 part number (or use --line)")
    String part;

    @Argument(index = 2, name = "quantity", required = true, description = "实盘数量 quantity counted")
    BigDecimal quantity;

    @Option(name = "--line", description = "盘点单行 ID sheet line id")
    Long line;

    @Option(name = "--bin", description = "库位 ID bin id (when the part has several lines or is not on the sheet)")
    Long bin;

    @Option(name = "--batch", description = "批次号 batch number")
    String batch;

    @Override
    public Object execute() {
        try {
            Actor actor = ConsoleActor.current();
            Stocktake s = stocktakes.get(id, actor);
            s = stocktakes.count(id, s.version(), List.of(new Count(line, line == null ? part : null, bin, batch,
                    quantity)), actor);
            System.out.println("已录入 counted; 未盘 uncounted " + s.uncounted());
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
