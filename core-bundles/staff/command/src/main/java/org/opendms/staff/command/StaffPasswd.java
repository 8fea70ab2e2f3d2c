package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.staff.api.StaffService;

@Service
@Command(scope = "dms", name = "staff-passwd", description = "设置密码 Set a staff member's password")
public class StaffPasswd implements Action {

    @Reference
    StaffService staff;

    @Argument(index = 0, name = "login", required = true)
    String login;

    @Argument(index = 1, name = "password", description = "新密码，至少 8 个字符 new password (8+ characters)", required = true)
    String password;

    @Override
    public Object execute() {
        try {
            staff.setPassword(login, password, ConsoleActor.current());
            ConsoleText.out().println("已设置密码 Password set for " + login);
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
