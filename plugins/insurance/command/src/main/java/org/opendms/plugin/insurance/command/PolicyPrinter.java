package org.opendms.plugin.insurance.command;

import java.io.PrintStream;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.plugin.insurance.api.Policy;
import org.opendms.plugin.insurance.api.PolicyKind;
import org.opendms.plugin.insurance.api.RenewalDue;

/** How the insurance commands show policies and the renewal list. */
final class PolicyPrinter {

    private static final String NO_PLATE = "（未上牌 none）";

    private PolicyPrinter() {
    }

    static void policies(PrintStream out, List<Policy> policies) {
        ShellTable table = new ShellTable();
        for (String column : new String[] { "ID", "车牌 Plate", "险种 Kind", "保险公司 Insurer", "保单号 Number",
                "起期 Start", "止期 End", "保费 Premium" }) {
            table.column(column);
        }
        for (Policy p : policies) {
            table.addRow().addContent(p.id(), p.plate() == null ? NO_PLATE : p.plate(), kind(p.kind()),
                    ConsolePrinter.cell(p.insurer(), 16), p.policyNumber(), p.startDate(), p.endDate(), p.premium());
        }
        table.print(out);
    }

    static void renewals(PrintStream out, List<RenewalDue> due) {
        ShellTable table = new ShellTable();
        for (String column : new String[] { "止期 End", "剩余天数 Days left", "车牌 Plate", "车辆 Vehicle", "车主 Owner",
                "险种 Kind", "保险公司 Insurer", "保单号 Number", "来源 Source" }) {
            table.column(column);
        }
        for (RenewalDue r : due) {
            String source = r.source() == RenewalDue.Source.POLICY ? "保单 policy" : "车辆档案 vehicle file";
            table.addRow().addContent(r.endDate(), r.daysLeft() < 0 ? "已过期 " + r.daysLeft() : r.daysLeft(),
                    r.plate() == null ? NO_PLATE : r.plate(), r.vehicleId(), "客户 " + r.ownerId(),
                    r.kind() == null ? "" : kind(r.kind()),
                    r.insurer() == null ? "" : ConsolePrinter.cell(r.insurer(), 16),
                    r.policyNumber() == null ? "" : r.policyNumber(), source);
        }
        table.print(out);
    }

    static String kind(PolicyKind kind) {
        return kind.label() + " " + kind.name();
    }
}
