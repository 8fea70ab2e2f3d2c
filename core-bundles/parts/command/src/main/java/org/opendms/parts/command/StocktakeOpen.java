package org.opendms.parts.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.stocktake.StocktakeDraft;
import org.opendms.parts.api.stocktake.Stocktakes;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "stocktake-open", description = "开盘点单 Freeze a count sheet of a warehouse (or of some"
        + " of its bins)")
public class StocktakeOpen implements Action {

    @Reference
    Stocktakes stocktakes;

    @Argument(index = 0, name = "warehouseId", required = true, description = "仓库 ID warehouse id")
    long warehouseId;

    @Argument(index = 1, name = "binIds", multiValued = true, description = "库位 ID bin ids (absent: the whole warehouse)")
    List<Long> binIds;

    @Override
    public Object execute() {
        try {
            PurchasingPrinter.stocktake(System.out, stocktakes.open(new StocktakeDraft(warehouseId, binIds, null),
                    ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
