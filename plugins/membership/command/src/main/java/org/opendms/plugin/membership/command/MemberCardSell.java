package org.opendms.plugin.membership.command;

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
import org.opendms.plugin.membership.api.CardSale;
import org.opendms.plugin.membership.api.CountCard;
import org.opendms.plugin.membership.api.CountCards;

@Service
@Command(scope = "dms", name = "member-card-sell", description = "销售次卡/套餐卡 Sell a count card to a member")
public class MemberCardSell implements Action {

    @Reference
    CountCards cards;

    @Argument(index = 0, name = "memberId", required = true, description = "会员编号 member id")
    long memberId;

    @Argument(index = 1, name = "productId", required = true, description = "次卡产品编号 product id")
    long productId;

    @Option(name = "--vehicle", description = "车辆编号（绑定车辆的套餐必填） vehicle id, for a product bound to a car")
    Long vehicleId;

    @Option(name = "--paid-with", description = "CASH（默认）、WECHAT、ALIPAY、BANK_CARD")
    String paidWith = "CASH";

    @Override
    public Object execute() {
        try {
            CountCard c = cards.sell(memberId, new CardSale(productId, vehicleId, paidWith, null),
                    ConsoleActor.current());
            ConsoleText.out().printf("已售出 sold: %s %s %d 次 uses，至 %s%n", c.cardNumber(), c.productName(), c.uses(),
                    c.expiresOn());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
