package org.opendms.vehicle.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleDraft;
import org.opendms.vehicle.api.VehicleService;

@Service
@Command(scope = "dms", name = "vehicle-add", description = "登记车辆 Register a vehicle")
public class VehicleAdd implements Action {

    @Reference
    VehicleService vehicles;

    @Argument(index = 0, name = "vin", description = "车架号（17位） VIN, 17 characters", required = true)
    String vin;

    @Option(name = "--owner", aliases = "-o", description = "车主客户编号 owner's customer id", required = true)
    long owner;

    @Option(name = "--plate", aliases = "-p", description = "车牌，如 \"京A·12345\"（新车可不填） plate, any spelling; omit for an unregistered new car")
    String plate;

    @Option(name = "--make", description = "品牌 make, e.g. 大众")
    String make;

    @Option(name = "--model", description = "车型 model, e.g. 帕萨特")
    String model;

    @Option(name = "--year", description = "年款 model year")
    String year;

    @Option(name = "--engine", description = "发动机号 engine number")
    String engine;

    @Option(name = "--colour", description = "颜色 colour")
    String colour;

    @Option(name = "--energy", description = "能源类型 PETROL 汽油, DIESEL 柴油, HYBRID 混动, PLUG_IN_HYBRID 插电混动, ELECTRIC 纯电, OTHER 其他")
    String energy;

    @Option(name = "--user", description = "使用人客户编号（缺省为车主） user's customer id; default the owner")
    Long user;

    @Option(name = "--insurance-due", description = "保险到期日 insurance due date, e.g. 2026-03-01")
    String insuranceDue;

    @Option(name = "--inspection-due", description = "年检到期日 annual inspection due date, e.g. 2027-03-01")
    String inspectionDue;

    @Option(name = "--inactive", description = "登记为不在用 register as inactive")
    boolean inactive;

    @Override
    public Object execute() {
        try {
            Violations v = new Violations();
            VehicleDraft draft = new VehicleDraft(vin, plate, make, model, Inputs.integer(v, "year", year), engine,
                    colour,
                    Inputs.energy(v, "energyType", energy), owner, user,
                    Inputs.date(v, "insuranceDueDate", insuranceDue),
                    Inputs.date(v, "inspectionDueDate", inspectionDue), !inactive);
            v.throwIfAny();
            Vehicle created = vehicles.create(draft, ConsoleActor.current());
            ConsoleText.out().println("已登记车辆 Registered vehicle " + created.id() + ": "
                    + (created.plate() == null ? "（未上牌 no plate）" : created.plate()) + " " + created.vin());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
