package org.opendms.plugin.membership.command;

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
import org.opendms.plugin.membership.api.JoinRequest;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.Membership;

@Service
@Command(scope = "dms", name = "member-join", description = "办理入会 A customer joins (after agreeing to the terms)")
public class MemberJoin implements Action {

    @Reference
    Membership membership;

    @Argument(index = 0, name = "customerId", required = true, description = "客户编号 customer id")
    long customerId;

    @Option(name = "--consent", description = "客户已同意会员协议 the customer agreed to the terms (required)")
    boolean consent;

    @Option(name = "--channel", description = "COUNTER（默认）、PHONE、APP how the consent was given")
    String channel = "COUNTER";

    @Option(name = "--pin", description = "6 位支付密码 a 6-digit PIN for paying with stored value")
    String pin;

    @Override
    public Object execute() {
        try {
            Member m = membership.join(new JoinRequest(customerId, consent, channel, pin), ConsoleActor.current());
            ConsoleText.out().println("已入会 joined: " + m.memberNumber() + " (id " + m.id() + ")");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
