package org.opendms.plugin.membership.command;

import java.io.PrintStream;
import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.membership.api.Balance;
import org.opendms.plugin.membership.api.CountCard;
import org.opendms.plugin.membership.api.CountCards;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.Membership;
import org.opendms.plugin.membership.api.StoredValueEntry;

@Service
@Command(scope = "dms", name = "member-show", description = "会员卡 A member's stored value and last movements")
public class MemberShow implements Action {

    @Reference
    Membership membership;

    @Reference
    CountCards cards;

    @Argument(index = 0, name = "member", required = true, description = "会员卡号或会员编号 member number or id")
    String member;

    @Override
    public Object execute() {
        PrintStream out = ConsoleText.out();
        try {
            Actor actor = ConsoleActor.current();
            Optional<Member> found = member.matches("[0-9]+") ? Optional.of(membership.get(Long.parseLong(member),
                    actor)) : membership.byNumber(member, actor);
            if (found.isEmpty()) {
                out.println("没有会员 " + member + " no such member");
                return null;
            }
            Member m = found.get();
            Balance b = membership.balance(m.id(), actor);
            out.printf("%s  客户 customer %d  本金 principal %s  赠送 bonus %s  可用 total %s%n", m.memberNumber(),
                    m.customerId(), b.principal(), b.bonus(), b.total());
            for (StoredValueEntry e : membership.ledger(m.id(), new PageRequest(0, 10), actor).items()) {
                out.printf("  %-12s %10s %10s  余额 %s + %s  %s%n", e.kind(), e.principal(), e.bonus(),
                        e.principalAfter(), e.bonusAfter(), e.reference() == null ? "" : e.reference());
            }
            for (CountCard c : cards.ofMember(m.id(), actor)) {
                out.printf("  次卡 %s %s 剩 %d/%d 次 uses left，至 %s%n", c.cardNumber(), c.productName(), c.usesLeft(),
                        c.uses(), c.expiresOn());
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(out, e);
        }
        return null;
    }
}
