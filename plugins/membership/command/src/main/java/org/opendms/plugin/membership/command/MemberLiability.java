package org.opendms.plugin.membership.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.membership.api.Liability;
import org.opendms.plugin.membership.api.Membership;

@Service
@Command(scope = "dms", name = "member-liability", description = "储值负债 Stored value owed at the end of a shop day")
public class MemberLiability implements Action {

    @Reference
    Membership membership;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "day", description = "日期 yyyy-MM-dd，缺省今天 the shop day; default today")
    String day;

    @Override
    public Object execute() {
        try {
            LocalDate d = day == null ? clock.today() : LocalDate.parse(day);
            Liability l = membership.liability(d, ConsoleActor.current());
            ConsoleText.out().printf("%s 储值负债 liability: 本金 principal %s，赠送 bonus %s，有余额会员 members %d%n",
                    l.day(), l.principal(), l.bonus(), l.members());
        } catch (java.time.format.DateTimeParseException e) {
            ConsoleText.out().println("日期应为 yyyy-MM-dd the day is yyyy-MM-dd");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
