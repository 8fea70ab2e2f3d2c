package org.opendms.vehicle.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.vehicle.api.VehicleService;

@Service
@Command(scope = "dms", name = "vehicle-show", description = "车辆详情及里程记录 Show a vehicle and its odometer readings")
public class VehicleShow implements Action {

    @Reference
    VehicleService vehicles;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "id", description = "车辆编号 vehicle id", required = true)
    long id;

    @Option(name = "--readings", description = "显示最近几条里程记录 how many recent odometer readings to show")
    int readings = 10;

    @Override
    public Object execute() {
        try {
            VehiclePrinter.details(ConsoleText.out(), vehicles.get(id), clock.zone());
            ConsoleText.out().println();
            VehiclePrinter.history(ConsoleText.out(), vehicles.odometerHistory(id), Math.max(0, readings),
                    clock.zone());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
