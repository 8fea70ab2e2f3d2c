package org.opendms.parts.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.Transfer;
import org.opendms.parts.api.TransferDraft;
import org.opendms.parts.api.Transfers;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "stock-move", description = "仓库调拨 Send a part to another warehouse, or (--receive) receive a transfer")
public class StockMove implements Action {

    @Reference
    Catalogue catalogue;

    @Reference
    Warehouses warehouses;

    @Reference
    Transfers transfers;

    @Option(name = "--from", description = "调出仓库代码 source warehouse code")
    String from;

    @Option(name = "--to", description = "调入仓库代码 destination warehouse code")
    String to;

    @Option(name = "--receive", description = "接收调拨单（id） receive the transfer with this id")
    Long receive;

    @Option(name = "--bin", aliases = "-b", description = "接收到的库位 bin to receive into")
    String bin;

    @Option(name = "--reason", description = "原因 reason")
    String reason;

    @Argument(index = 0, name = "partNumber", description = "配件号 part number")
    String partNumber;

    @Argument(index = 1, name = "quantity", description = "数量 quantity")
    String quantity;

    @Override
    public Object execute() {
        try {
            Actor actor = ConsoleActor.current();
            if (receive != null) {
                Transfer t = transfers.get(receive, actor);
                Warehouse dest = warehouses.get(t.toWarehouseId());
                Transfer got = transfers.receive(t.id(), t.version(), PartsConsole.bin(warehouses, dest, bin), actor);
                ConsoleText.out().println("已接收调拨单 received " + got.number() + " → " + dest.code());
                return null;
            }
            if (partNumber == null || quantity == null || to == null) {
                throw DmsException.invalid("partNumber", "required", "请填写配件号、数量和 --to 调入仓库",
                        "give the part number, the quantity and --to");
            }
            Part p = PartsConsole.part(catalogue, partNumber, ConsoleText.out());
            Warehouse source = PartsConsole.warehouse(warehouses, from);
            Warehouse dest = PartsConsole.warehouse(warehouses, to);
            Transfer t = transfers.send(new TransferDraft(source.id(), dest.id(),
                    List.of(new TransferDraft.Line(p.id(), null, PartsConsole.number("quantity", quantity))), reason),
                    actor);
            ConsoleText.out().println("已发出调拨单 sent " + t.number() + " (id " + t.id() + "): " + quantity + " "
                    + p.number().printed() + " " + source.code() + " → " + dest.code() + "，在途 in transit");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
