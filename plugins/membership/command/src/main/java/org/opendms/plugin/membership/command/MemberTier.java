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
import org.opendms.plugin.membership.api.TierBenefit;
import org.opendms.plugin.membership.api.TierPurchase;

/**
 * dms:member-tier: the tiers and what each gives off a member's bill; with {@code --buy MEMBER}, sells the member the
 * tier named at the shop's price.
 */
@Service
@Command(scope = "dms", name = "member-tier", description = "会员等级权益；--buy 购买会员等级 Tiers' benefits; sell a tier")
public class MemberTier implements Action {

    @Reference
    org.opendms.plugin.membership.api.MemberTiers tiers;

    @Argument(index = 0, name = "tier", required = false, description = "要购买的等级，如 GOLD the tier to sell")
    String tier;

    @Option(name = "--buy", description = "购买等级的会员编号 the member id who buys the tier")
    Long memberId;

    @Option(name = "--paid-with", description = "CASH（默认）、WECHAT、ALIPAY、BANK_CARD")
    String paidWith = "CASH";

    @Option(name = "--ref", description = "单据号 receipt or payment reference")
    String reference;

    @Override
    public Object execute() {
        try {
            if (memberId != null) {
                TierPurchase p = tiers.buy(memberId, tier, paidWith, reference, ConsoleActor.current());
                ConsoleText.out().printf("已购买 sold: %s %s 元，%s 至 %s%n", p.tier(), p.price(), p.validFrom(),
                        p.validTo());
                return null;
            }
            ConsoleText.out().printf("%-10s %8s %8s%n", "等级 tier", "工时 labour", "配件 parts");
            for (TierBenefit b : tiers.benefits(ConsoleActor.current())) {
                ConsoleText.out().printf("%-10s %7s%% %7s%%%n", b.tier(), b.labourOff(), b.partsOff());
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
