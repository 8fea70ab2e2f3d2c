package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.staff.api.LoginLock;
import org.opendms.staff.api.LoginSecurity;

@Service
@Command(scope = "dms", name = "login-unlock", description = "解除登录锁定 Unlock a login (or, with --address, an address) locked after failed logins")
public class LoginUnlock implements Action {

    @Reference
    LoginSecurity security;

    @Reference
    ShopClock clock;

    @Option(name = "--address", description = "解锁此地址 unlock this address instead of a login")
    String address;

    @Argument(index = 0, name = "login", required = false)
    String login;

    @Override
    public Object execute() {
        try {
            LoginLock l = security.unlock(login, address, ConsoleActor.current());
            ConsoleText.out().println("已解锁 Unlocked " + (l.login() != null ? l.login() : l.address()) + "  ("
                    + (l.locked() ? "锁定至 locked until " : "限速至 slowed down until ")
                    + ConsolePrinter.time(l.until(), clock.zone()) + ", " + l.failures() + " failures)");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
