package org.opendms.vehicle.command;

import java.util.Optional;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleQuery;
import org.opendms.vehicle.api.VehicleService;

/** What the desk does when a car drives in: type the plate as it comes, or the VIN's last six from the windscreen. */
@Service
@Command(scope = "dms", name = "vehicle-find", description = "按车牌（任意写法）、车架号或其后六位查找车辆 Find a vehicle by plate in any spelling, VIN or its last six")
public class VehicleFind implements Action {

    @Reference
    VehicleService vehicles;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "plateOrVin", description = "车牌如 \"京a 12345\"，或车架号、后六位 a plate such as \"京a 12345\", a VIN or its last six", required = true)
    String text;

    @Override
    public Object execute() {
        try {
            Optional<Vehicle> byPlate = vehicles.findByPlate(text);
            if (byPlate.isPresent()) {
                VehiclePrinter.details(ConsoleText.out(), byPlate.get(), clock.zone());
                return null;
            }
            Page<Vehicle> found = vehicles.search(VehicleQuery.text(text), PageRequest.of(0, 20));
            if (found.total() == 0) {
                ConsoleText.out().println("未找到车辆 No vehicle found: " + text);
            } else if (found.total() == 1) {
                VehiclePrinter.details(ConsoleText.out(), found.items().get(0), clock.zone());
            } else {
                VehiclePrinter.table(ConsoleText.out(), found.items());
                ConsoleText.out().println("共 " + found.total() + " 辆 " + found.total() + " in all"
                        + (found.total() > found.items().size() ? "；请输入更完整的车牌或车架号 type more of the plate or VIN" : ""));
            }
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
