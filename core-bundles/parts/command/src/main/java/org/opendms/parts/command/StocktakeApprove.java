package org.opendms.parts.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.stocktake.Stocktakes;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "stocktake-approve", description = "审批盘点差异 Approve a submitted stocktake: its"
        + " variances post as ledger adjustments; --recount REASON sends it back instead")
public class StocktakeApprove implements Action {

    @Reference
    Stocktakes stocktakes;

    @Argument(index = 0, name = "id", required = true, description = "盘点单 ID stocktake id")
    long id;

    @Option(name = "--recount", description = "退回重盘 send back for a recount", multiValued = true)
    List<String> recount;

    @Override
    public Object execute() {
        try {
            Actor actor = ConsoleActor.current();
            long version = stocktakes.get(id, actor).version();
            PurchasingPrinter.stocktake(System.out, recount != null && !recount.isEmpty()
                    ? stocktakes.reopen(id, version, String.join(" ", recount), actor)
                    : stocktakes.approve(id, version, actor));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
