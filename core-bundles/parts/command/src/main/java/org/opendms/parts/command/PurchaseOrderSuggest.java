package org.opendms.parts.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.purchasing.OrderSuggestion;
import org.opendms.parts.api.purchasing.OrderSuggestions;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "po-suggest", description = "补货建议 What a warehouse should order; --order SUPPLIER"
        + " drafts a purchase order of that supplier's suggestions")
public class PurchaseOrderSuggest implements Action {

    @Reference
    OrderSuggestions suggestions;

    @Argument(index = 0, name = "warehouseId", required = true, description = "仓库 ID warehouse id")
    long warehouseId;

    @Option(name = "--order", description = "供应商 ID: 生成采购单草稿 supplier id: draft the order")
    Long supplierId;

    @Override
    public Object execute() {
        try {
            if (supplierId != null) {
                PurchaseOrder o = suggestions.toPurchaseOrder(warehouseId, supplierId, List.of(),
                        ConsoleActor.current());
                System.out.println("已生成采购单草稿 drafted");
                PurchasingPrinter.order(System.out, o);
                return null;
            }
            List<OrderSuggestion> found = suggestions.suggest(warehouseId, ConsoleActor.current());
            if (found.isEmpty()) {
                System.out.println("无需补货 nothing to order");
            }
            found.forEach(s -> PurchasingPrinter.suggestion(System.out, s));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
