package org.opendms.staff.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.staff.api.LoginEvent;
import org.opendms.staff.api.LoginLock;
import org.opendms.staff.api.LoginSecurity;

@Service
@Command(scope = "dms", name = "login-locks", description = "登录锁定与安全日志 Locked logins and addresses, and the latest security log")
public class LoginLocks implements Action {

    @Reference
    LoginSecurity security;

    @Reference
    ShopClock clock;

    @Option(name = "--events", aliases = "-n", description = "显示的日志条数 how many log entries to show (default 20)")
    int events = 20;

    @Override
    public Object execute() {
        try {
            var actor = ConsoleActor.current();
            var out = ConsoleText.out();
            out.println("锁定/限速 Held back:");
            for (LoginLock l : security.locks(actor)) {
                out.printf("  %-8s %-24s %-8s %s  %d failures, %d refused%n", l.login() != null ? "login" : "address",
                        l.login() != null ? l.login() : l.address(), l.locked() ? "LOCKED" : "SLOWED",
                        ConsolePrinter.time(l.until(), clock.zone()), l.failures(), l.refused());
            }
            out.println("安全日志 Security log:");
            for (LoginEvent e : security.events(null, events, actor)) {
                out.printf("  %s  %-8s %-20s %-16s %-7s %s%n", ConsolePrinter.time(e.at(), clock.zone()), e.kind(),
                        e.login() == null ? "" : e.login(), e.address() == null ? "" : e.address(), e.channel(),
                        (e.by() == null ? "" : "by " + e.by() + " ") + (e.detail() == null ? "" : e.detail()));
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
