package org.opendms.customer.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerDraft;
import org.opendms.customer.api.CustomerService;
import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "customer-add", description = "新建客户 Create a customer")
public class CustomerAdd implements Action {

    @Reference
    CustomerService customers;

    @Argument(index = 0, name = "name", description = "姓名或单位名称 name of the person or company", required = true)
    String name;

    @Option(name = "--mobile", aliases = "-m", description = "手机号 mainland mobile (required for a person)")
    String mobile;

    @Option(name = "--company", description = "单位客户 the customer is a company")
    boolean company;

    @Option(name = "--wechat", description = "微信号 WeChat id")
    String wechat;

    @Option(name = "--address", description = "地址 address")
    String address;

    @Option(name = "--tag", description = "标签，可重复 tag (repeatable)", multiValued = true)
    List<String> tags;

    @Option(name = "--consent", description = "同意接收营销信息 agrees to marketing messages")
    boolean consent;

    @Option(name = "--note", description = "备注 note")
    String note;

    @Override
    public Object execute() {
        CustomerDraft draft = new CustomerDraft(company ? CustomerType.COMPANY : CustomerType.PERSON, name, mobile,
                wechat, address, tags, consent, note);
        try {
            Customer c = customers.create(draft, ConsoleActor.current());
            ConsoleText.out().println("已创建客户 Created customer " + c.id() + ": " + c.name()
                    + (c.mobileMasked() == null ? "" : " " + c.mobileMasked()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
