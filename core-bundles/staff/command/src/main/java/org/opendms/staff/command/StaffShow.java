package org.opendms.staff.command;

import java.time.temporal.ChronoUnit;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffChange;
import org.opendms.staff.api.StaffService;

@Service
@Command(scope = "dms", name = "staff-show", description = "员工账号及修改记录 Show a staff account and its changes")
public class StaffShow implements Action {

    @Reference
    StaffService staff;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "login", required = true)
    String login;

    @Override
    public Object execute() {
        try {
            Actor actor = ConsoleActor.current();
            StaffAccount a = staff.get(login, actor);
            ConsoleText.out()
                    .println(a.login() + "  " + a.name() + "  " + (a.active() ? "active" : "disabled") + "  version "
                            + a.version());
            ConsoleText.out().println("  角色 roles:  " + String.join(", ", a.roles()));
            ConsoleText.out().println("  工种 skills: " + SkillOptions.show(a.skills()));
            ConsoleText.out().println("  班组 team:   " + (a.team() == null ? "" : a.team()));
            ConsoleText.out().println("修改记录 Changes:");
            for (StaffChange c : staff.changes(login, actor)) {
                ConsoleText.out()
                        .println("  " + c.at().atZone(clock.zone()).toLocalDateTime().truncatedTo(ChronoUnit.SECONDS)
                                + "  " + c.by() + " (" + c.channel() + ")  " + c.what()
                                + (c.detail() == null ? "" : "  " + c.detail()));
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
