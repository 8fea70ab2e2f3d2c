package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.staff.api.StaffAccount;
import org.opendms.staff.api.StaffService;

/** Disabling and enabling an account from the console: the version is the one just read. */
abstract class AccountSwitch implements Action {

    @Reference
    StaffService staff;

    @Argument(index = 0, name = "login", required = true)
    String login;

    abstract StaffAccount apply(StaffService staff, long version, Actor actor);

    @Override
    public Object execute() {
        try {
            Actor actor = ConsoleActor.current();
            StaffAccount a = apply(staff, staff.get(login, actor).version(), actor);
            ConsoleText.out().println((a.active() ? "已启用 Enabled " : "已停用 Disabled ") + a.login());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
