package org.opendms.customer.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerField;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "customer-show", description = "客户详情 Show a customer")
public class CustomerShow implements Action {

    @Reference
    CustomerService customers;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "id", description = "客户编号 customer id", required = true)
    long id;

    @Option(name = "--reveal", description = "显示完整手机号（会被记录） show the full mobile; the access is recorded")
    boolean reveal;

    @Override
    public Object execute() {
        try {
            Customer c = customers.get(id, ConsoleActor.current());
            String mobile = shown(c, CustomerField.MOBILE, c.mobileMasked());
            if (reveal && mobile != null) {
                mobile = customers.revealMobile(id, ConsoleActor.current()).value();
            }
            line("编号 Id", c.id());
            line("类型 Type", c.type());
            line("姓名 Name", c.name());
            line("手机 Mobile", mobile);
            line("微信 WeChat", shown(c, CustomerField.WECHAT_ID, c.wechatId()));
            line("地址 Address", shown(c, CustomerField.ADDRESS, c.address()));
            line("标签 Tags", String.join(", ", c.tags()));
            line("营销同意 Consent", c.marketingConsent()
                    ? "是 yes (" + ConsolePrinter.time(c.marketingConsentAt(), clock.zone()) + ")" : "否 no");
            line("备注 Note", shown(c, CustomerField.NOTE, c.note()));
            line("创建 Created", ConsolePrinter.time(c.createdAt(), clock.zone()) + " " + c.createdBy());
            line("修改 Updated", ConsolePrinter.time(c.updatedAt(), clock.zone()) + " " + c.updatedBy() + " (version "
                    + c.version() + ")");
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    /** A field the user's role may not see says so, rather than looking empty. */
    private static String shown(Customer c, CustomerField field, String value) {
        return c.masked().contains(field.json()) ? "（无权查看 hidden）" : value;
    }

    private static void line(String label, Object value) {
        ConsoleText.out().printf("%-20s %s%n", label, value == null ? "" : value);
    }
}
