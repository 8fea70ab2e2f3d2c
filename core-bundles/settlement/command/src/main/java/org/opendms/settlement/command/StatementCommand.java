package org.opendms.settlement.command;

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
import org.opendms.settlement.api.CreditReceipt;
import org.opendms.settlement.api.CreditStatement;
import org.opendms.settlement.api.CreditStatements;
import org.opendms.settlement.api.StatementEntry;

/** The cashier's monthly statement of a credit account, and a receipt against it. */
@Service
@Command(scope = "dms", name = "statement", description = "挂账对账单 A credit account's statement of a month (made the first time); with --receive a receipt against it")
public class StatementCommand implements Action {

    @Reference
    CreditStatements statements;

    @Argument(index = 0, name = "customerId", required = true, description = "单位客户 id company customer id")
    long customerId;

    @Argument(index = 1, name = "period", required = true, description = "月份 the month, yyyy-MM")
    String period;

    @Option(name = "--receive", description = "回款金额 an amount received against the statement")
    java.math.BigDecimal receive;

    @Option(name = "--method", description = "CASH 或 TRANSFER（默认 CASH）")
    String method = "CASH";

    @Option(name = "--reference", description = "转账流水号 the bank's transfer number")
    String reference;

    @Override
    public Object execute() {
        try {
            CreditStatement s = statements.issue(customerId, period, ConsoleActor.current());
            if (receive != null) {
                CreditReceipt r = statements.receive(s.id(), method, receive, reference, ConsoleActor.current());
                ConsoleText.out().println("回款 receipt " + r.id() + ": " + r.method() + " " + r.amount());
                s = statements.statement(s.id());
            }
            ConsoleText.out().println(show(s));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    static String show(CreditStatement s) {
        StringBuilder b = new StringBuilder();
        b.append("对账单 statement ").append(s.id()).append("  ").append(s.customerName()).append("  ")
                .append(s.period()).append("  到期 due ").append(s.dueDate()).append('\n');
        b.append("  期初 opening ").append(s.opening()).append("  挂账 charges ").append(s.charges())
                .append("  本月回款 received ").append(s.received()).append("  期末 closing ").append(s.closing())
                .append("  尚欠 owed ").append(s.owed()).append('\n');
        for (StatementEntry e : s.documents()) {
            b.append("  ").append(e.number()).append("  ").append(e.workOrderNumber()).append("  ")
                    .append(e.amount()).append('\n');
        }
        for (CreditReceipt r : s.receipts()) {
            b.append("  回款 ").append(r.method()).append("  ").append(r.amount())
                    .append(r.reference() == null ? "" : "  " + r.reference()).append('\n');
        }
        return b.toString().stripTrailing();
    }
}
