package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.stocktake.Stocktakes;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "stocktake-submit", description = "提交盘点 Counting finished: hand the variances to the"
        + " manager")
public class StocktakeSubmit implements Action {

    @Reference
    Stocktakes stocktakes;

    @Argument(index = 0, name = "id", required = true, description = "盘点单 ID stocktake id")
    long id;

    @Override
    public Object execute() {
        try {
            Actor actor = ConsoleActor.current();
            PurchasingPrinter.stocktake(System.out,
                    stocktakes.submit(id, stocktakes.get(id, actor).version(), actor));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
