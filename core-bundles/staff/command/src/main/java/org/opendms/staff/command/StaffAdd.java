package org.opendms.staff.command;

import java.util.List;

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
import org.opendms.staff.api.NewStaff;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffService;

@Service
@Command(scope = "dms", name = "staff-add", description = "添加员工账号 Add a staff account")
public class StaffAdd implements Action {

    @Reference
    StaffService staff;

    @Argument(index = 0, name = "login", description = "登录名 login (lower case)", required = true)
    String login;

    @Argument(index = 1, name = "name", description = "姓名 name", required = true)
    String name;

    @Option(name = "--password", aliases = "-p", description = "初始密码，至少 8 个字符 first password (8+ characters)", required = true)
    String password;

    @Option(name = "--role", aliases = "-r", description = "角色，可重复 role (repeatable): admin advisor technician parts cashier manager foreman inspector", multiValued = true, required = true)
    List<String> roles;

    @Option(name = "--skill", aliases = "-s", description = "工种:等级，可重复 skill code or name:level 1-5 (repeatable), e.g. MECHANICAL:4 or 机修:4", multiValued = true)
    List<String> skills;

    @Option(name = "--team", aliases = "-t", description = "班组 team")
    String team;

    @Override
    public Object execute() {
        try {
            StaffAccount a = staff.add(new NewStaff(login, name, password, roles, SkillOptions.parse(skills), team),
                    ConsoleActor.current());
            ConsoleText.out().println("已添加员工 Added " + a.login() + " " + a.name() + " " + a.roles());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
