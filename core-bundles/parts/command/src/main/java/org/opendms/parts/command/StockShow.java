package org.opendms.parts.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Stock;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "stock", description = "配件库存 Stock of a part in every warehouse and bin")
public class StockShow implements Action {

    @Reference
    Stock stock;

    @Argument(index = 0, name = "partNumber", required = true, description = "配件号（任意写法或扫码） part number")
    String partNumber;

    @Override
    public Object execute() {
        try {
            PartsConsole.print(ConsoleText.out(), stock.ofPartNumber(partNumber, ConsoleActor.current())
                    .orElseThrow(() -> DmsException.notFound("partNumber", "配件号 " + partNumber + " 不在配件档案中",
                            "part number " + partNumber + " is not in the catalogue")));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
