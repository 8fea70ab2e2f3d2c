package org.opendms.settlement.command;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Rounding;
import org.opendms.settlement.api.SettleRequest;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;

@Service
@Command(scope = "dms", name = "settle", description = "结算工单 Settle a completed work order: one document per payer")
public class SettleCommand implements Action {

    @Reference
    Settlements settlements;

    @Argument(index = 0, name = "workOrderId", required = true, description = "工单 id work-order id")
    long workOrderId;

    @Option(name = "--job", multiValued = true, description = "项目付款方 a job's payer, JOB_ID=GOODWILL")
    List<String> jobs;

    @Option(name = "--line", multiValued = true, description = "明细付款方 a line's payer, LINE_ID=INTERNAL")
    List<String> lines;

    @Option(name = "--discount", multiValued = true, description = "整单折扣 discount, CUSTOMER=20.00")
    List<String> discounts;

    @Option(name = "--insurer", description = "保险公司名称 the insurer's name")
    String insurer;

    @Option(name = "--round", description = "抹零 NONE, JIAO, YUAN")
    String round;

    @Override
    public Object execute() {
        try {
            Map<Long, Payer> jobPayers = new HashMap<>();
            Map<Long, Payer> linePayers = new HashMap<>();
            Map<Payer, BigDecimal> off = new EnumMap<>(Payer.class);
            pairs("job", jobs).forEach((k, v) -> jobPayers.put(id("job", k), parse(Payer.class, "job", v)));
            pairs("line", lines).forEach((k, v) -> linePayers.put(id("line", k), parse(Payer.class, "line", v)));
            pairs("discount", discounts).forEach((k, v) -> off.put(parse(Payer.class, "discount", k), amount(v)));
            List<Settlement> docs = settlements.settle(new SettleRequest(workOrderId, jobPayers, linePayers, off,
                    insurer == null ? null : Map.of(Payer.INSURER, insurer),
                    round == null ? Rounding.NONE : parse(Rounding.class, "round", round)), ConsoleActor.current());
            for (Settlement s : docs) {
                ConsoleText.out().println(SettlementShow.summary(s));
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    static Map<String, String> pairs(String field, List<String> given) {
        Map<String, String> out = new HashMap<>();
        if (given != null) {
            for (String g : given) {
                int eq = g.indexOf('=');
                if (eq <= 0) {
                    throw DmsException.invalid(field, "wrong_type", field + " 应写成 键=值：" + g,
                            field + " is written key=value: " + g);
                }
                out.put(g.substring(0, eq).strip(), g.substring(eq + 1).strip());
            }
        }
        return out;
    }

    static long id(String field, String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为编号：" + raw, field + " must be an id: " + raw);
        }
    }

    static BigDecimal amount(String raw) {
        try {
            return new BigDecimal(raw);
        } catch (NumberFormatException e) {
            throw DmsException.invalid("amount", "wrong_type", "金额格式不正确：" + raw, "not an amount: " + raw);
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String raw) {
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 的值不正确：" + raw,
                    field + " has a wrong value: " + raw);
        }
    }
}
