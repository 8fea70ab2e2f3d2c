package org.opendms.plugin.insurance.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.plugin.insurance.api.Policy;
import org.opendms.plugin.insurance.api.PolicyQuery;

@Service
@Command(scope = "dms", name = "insurance-list", description = "保单列表 List a vehicle's policies, by plate or vehicle id, latest first")
public class InsuranceList implements Action {

    @Reference
    InsuranceService insurance;

    @Option(name = "--vehicle", aliases = "-v", description = "车辆编号 vehicle id")
    Long vehicle;

    @Option(name = "--insurer", aliases = "-i", description = "保险公司（可为部分） insurer or part of it")
    @Completion(InsurerCompleter.class)
    String insurer;

    @Option(name = "--page", description = "页码，从 0 开始 page, from 0")
    int page;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 20;

    @Argument(index = 0, name = "plate", description = "车牌（可为部分，任意写法） plate or part of it, any spelling")
    String plate;

    @Override
    public Object execute() {
        try {
            Page<Policy> result = insurance.find(new PolicyQuery(vehicle, plate, insurer, null),
                    PageRequest.of(page, size),
                    ConsoleActor.current());
            PolicyPrinter.policies(ConsoleText.out(), result.items());
            ConsoleText.out()
                    .println("共 " + result.total() + " 份 " + result.total() + " in all, page " + result.page());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
