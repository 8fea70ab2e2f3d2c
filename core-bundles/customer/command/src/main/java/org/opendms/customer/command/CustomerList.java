package org.opendms.customer.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.customer.api.Customer;
import org.opendms.customer.api.CustomerQuery;
import org.opendms.customer.api.CustomerService;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "customer-list", description = "客户列表（手机号已脱敏）List or search customers, mobiles masked")
public class CustomerList implements Action {

    @Reference
    CustomerService customers;

    @Argument(index = 0, name = "query", description = "姓名或手机号（可为尾号） name or mobile (or its last digits)")
    String query;

    @Option(name = "--page", description = "页码，从 0 开始 page, from 0")
    int page;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 20;

    @Override
    public Object execute() {
        try {
            Page<Customer> result = customers.search(CustomerQuery.text(query), PageRequest.of(page, size),
                    ConsoleActor.current());
            ShellTable table = new ShellTable();
            table.column("ID");
            table.column("类型 Type");
            table.column("姓名 Name");
            table.column("手机 Mobile");
            table.column("标签 Tags");
            for (Customer c : result.items()) {
                table.addRow().addContent(c.id(), c.type(), ConsolePrinter.cell(c.name(), 30), c.mobileMasked(),
                        String.join(",", c.tags()));
            }
            table.print(ConsoleText.out());
            ConsoleText.out()
                    .println("共 " + result.total() + " 位 " + result.total() + " in all, page " + result.page());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
