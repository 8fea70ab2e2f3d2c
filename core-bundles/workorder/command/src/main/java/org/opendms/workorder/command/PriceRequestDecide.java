package org.opendms.workorder.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.workorder.api.PriceAuthority;
import org.opendms.workorder.api.WorkOrder;

@Service
@Command(scope = "dms", name = "price-approve", description = "批准改价 Approve a price request (dms:price-requests lists"
        + " them), saying why; --reject refuses it instead")
public class PriceRequestDecide implements Action {

    @Reference
    PriceAuthority prices;

    @Option(name = "--reject", description = "驳回 reject the request: the line keeps its price")
    boolean reject;

    @Argument(index = 0, name = "requestId", required = true, description = "改价申请 ID price request id")
    long requestId;

    @Argument(index = 1, name = "reason", required = true, multiValued = true, description = "原因 why")
    List<String> reason;

    @Override
    public Object execute() {
        try {
            String why = String.join(" ", reason);
            WorkOrder w = reject ? prices.reject(requestId, why, ConsoleActor.current())
                    : prices.approve(requestId, why, ConsoleActor.current());
            System.out.println((reject ? "已驳回 rejected" : "已批准 approved") + " #" + requestId + ": " + w.number()
                    + " (version " + w.version() + ")");
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
