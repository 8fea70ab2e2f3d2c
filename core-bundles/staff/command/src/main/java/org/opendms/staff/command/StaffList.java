package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffService;

@Service
@Command(scope = "dms", name = "staff-list", description = "员工账号列表 List staff accounts")
public class StaffList implements Action {

    @Reference
    StaffService staff;

    @Option(name = "--all", aliases = "-a", description = "含已停用账号 include disabled accounts")
    boolean all;

    @Override
    public Object execute() {
        try {
            ConsoleText.out().printf("%-16s %-12s %-8s %-10s %-28s %s%n", "登录 Login", "姓名 Name", "状态", "班组 Team",
                    "角色 Roles",
                    "工种 Skills");
            for (StaffAccount a : staff.list(all, ConsoleActor.current())) {
                ConsoleText.out().printf("%-16s %-12s %-8s %-10s %-28s %s%n", a.login(),
                        ConsolePrinter.cell(a.name(), 12),
                        a.active() ? "active" : "disabled", ConsolePrinter.cell(a.team(), 10),
                        String.join(",", a.roles()),
                        SkillOptions.show(a.skills()));
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
