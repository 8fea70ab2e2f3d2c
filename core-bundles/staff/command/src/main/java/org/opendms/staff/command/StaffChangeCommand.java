package org.opendms.staff.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffDraft;
import org.opendms.staff.api.StaffService;

/** Changes only what is given; the rest stays as read. */
@Service
@Command(scope = "dms", name = "staff-change", description = "修改员工账号 Change a staff account's name, roles, skills or team")
public class StaffChangeCommand implements Action {

    @Reference
    StaffService staff;

    @Argument(index = 0, name = "login", required = true)
    String login;

    @Option(name = "--name", aliases = "-n", description = "姓名 name")
    String name;

    @Option(name = "--role", aliases = "-r", description = "角色（替换全部），可重复 roles (replace all; repeatable)", multiValued = true)
    List<String> roles;

    @Option(name = "--skill", aliases = "-s", description = "工种:等级（替换全部），可重复 trade:level (replace all; repeatable)", multiValued = true)
    List<String> skills;

    @Option(name = "--no-skills", description = "清除全部工种 remove every skill")
    boolean noSkills;

    @Option(name = "--team", aliases = "-t", description = "班组（空字符串清除）team (\"\" clears it)")
    String team;

    @Override
    public Object execute() {
        try {
            Actor actor = ConsoleActor.current();
            StaffAccount a = staff.get(login, actor);
            StaffDraft draft = new StaffDraft(name == null ? a.name() : name, roles == null ? a.roles() : roles,
                    noSkills ? List.of() : skills == null ? a.skills() : SkillOptions.parse(skills),
                    team == null ? a.team() : team);
            StaffAccount changed = staff.change(login, a.version(), draft, actor);
            ConsoleText.out()
                    .println("已修改 Changed " + changed.login() + " " + changed.name() + " " + changed.roles() + " "
                            + SkillOptions.show(changed.skills())
                            + (changed.team() == null ? "" : " " + changed.team()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
