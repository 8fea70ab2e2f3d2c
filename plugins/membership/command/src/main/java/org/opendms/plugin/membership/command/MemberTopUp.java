package org.opendms.plugin.membership.command;

import java.math.BigDecimal;

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
import org.opendms.plugin.membership.api.Membership;
import org.opendms.plugin.membership.api.StoredValueEntry;
import org.opendms.plugin.membership.api.TopUpRequest;

@Service
@Command(scope = "dms", name = "member-topup", description = "储值充值 Sell a top-up to a member")
public class MemberTopUp implements Action {

    @Reference
    Membership membership;

    @Argument(index = 0, name = "memberId", required = true, description = "会员编号 member id")
    long memberId;

    @Argument(index = 1, name = "amount", required = true, description = "充值本金（元） principal in yuan")
    BigDecimal amount;

    @Option(name = "--bonus", description = "赠送（元），缺省按充值赠送规则 bonus; default the shop's rule")
    BigDecimal bonus;

    @Option(name = "--paid-with", description = "CASH（默认）、WECHAT、ALIPAY、BANK_CARD")
    String paidWith = "CASH";

    @Option(name = "--ref", description = "单据号 receipt or payment reference")
    String reference;

    @Override
    public Object execute() {
        try {
            StoredValueEntry e = membership.topUp(memberId, new TopUpRequest(amount, bonus, paidWith, reference),
                    ConsoleActor.current());
            ConsoleText.out().printf("已充值 topped up: 本金 principal %s 赠送 bonus %s，余额 balance %s + %s%n",
                    e.principal(), e.bonus(), e.principalAfter(), e.bonusAfter());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
