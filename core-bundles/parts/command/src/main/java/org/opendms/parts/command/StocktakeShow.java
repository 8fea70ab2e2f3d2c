package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.stocktake.Stocktakes;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "stocktake-show", description = "盘点单详情 A stocktake with its lines and variances")
public class StocktakeShow implements Action {

    @Reference
    Stocktakes stocktakes;

    @Argument(index = 0, name = "id", required = true, description = "盘点单 ID stocktake id")
    long id;

    @Override
    public Object execute() {
        try {
            PurchasingPrinter.stocktake(System.out, stocktakes.get(id, ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
