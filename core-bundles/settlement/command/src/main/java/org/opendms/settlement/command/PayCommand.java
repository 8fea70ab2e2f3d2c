package org.opendms.settlement.command;

import java.math.BigDecimal;
import java.util.ArrayList;
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
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.settlement.api.TenderDraft;

@Service
@Command(scope = "dms", name = "pay", description = "收款 Take payment of a document in one or more tenders, e.g. WECHAT:200:4200001234 CASH:144:200")
public class PayCommand implements Action {

    @Reference
    Settlements settlements;

    @Option(name = "--version", required = true, description = "dms:settlement-show 显示的版本 the version shown")
    long version;

    @Argument(index = 0, name = "id", required = true, description = "结算单 id document id")
    long id;

    @Argument(index = 1, name = "tenders", required = true, multiValued = true, description = "METHOD:AMOUNT[:REFERENCE]; cash CASH:AMOUNT[:TENDERED]")
    List<String> tenders;

    @Override
    public Object execute() {
        try {
            List<TenderDraft> drafts = new ArrayList<>();
            for (String t : tenders) {
                String[] p = t.split(":", 3);
                if (p.length < 2) {
                    throw DmsException.invalid("tenders", "wrong_type", "付款方式应写成 方式:金额[:参考号]：" + t,
                            "a tender is METHOD:AMOUNT[:REFERENCE]: " + t);
                }
                boolean cash = "CASH".equalsIgnoreCase(p[0]);
                BigDecimal tendered = cash && p.length == 3 ? SettleCommand.amount(p[2]) : null;
                drafts.add(new TenderDraft(p[0], SettleCommand.amount(p[1]), tendered,
                        !cash && p.length == 3 ? p[2] : null));
            }
            Settlement s = settlements.pay(id, version, drafts, ConsoleActor.current());
            ConsoleText.out().println(SettlementShow.summary(s));
            s.tenders().forEach(t -> ConsoleText.out().println("  " + SettlementShow.tender(t)));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
