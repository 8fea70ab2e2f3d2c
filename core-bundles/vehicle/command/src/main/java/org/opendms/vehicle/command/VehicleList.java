package org.opendms.vehicle.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleQuery;
import org.opendms.vehicle.api.VehicleService;

@Service
@Command(scope = "dms", name = "vehicle-list", description = "车辆列表 List or search vehicles")
public class VehicleList implements Action {

    @Reference
    VehicleService vehicles;

    @Argument(index = 0, name = "query", description = "车牌（可为部分）、车架号或其后六位 plate (or part of it), VIN or its last six")
    String query;

    @Option(name = "--customer", aliases = "-c", description = "客户编号：其拥有或使用的车辆 customer id: vehicles they own or use")
    Long customer;

    @Option(name = "--active", description = "只看在用车辆 active vehicles only")
    boolean active;

    @Option(name = "--page", description = "页码，从 0 开始 page, from 0")
    int page;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 20;

    @Override
    public Object execute() {
        try {
            Page<Vehicle> result = vehicles.search(new VehicleQuery(query, customer, active ? Boolean.TRUE : null),
                    PageRequest.of(page, size));
            VehiclePrinter.table(ConsoleText.out(), result.items());
            ConsoleText.out()
                    .println("共 " + result.total() + " 辆 " + result.total() + " in all, page " + result.page());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
