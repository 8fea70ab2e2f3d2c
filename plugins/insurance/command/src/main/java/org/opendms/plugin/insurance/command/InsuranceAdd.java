package org.opendms.plugin.insurance.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.insurance.api.InsuranceService;
import org.opendms.plugin.insurance.api.Policy;
import org.opendms.plugin.insurance.api.PolicyDraft;
import org.opendms.vehicle.api.Vehicle;
import org.opendms.vehicle.api.VehicleService;

@Service
@Command(scope = "dms", name = "insurance-add", description = "登记保单 Record an insurance policy of a vehicle")
public class InsuranceAdd implements Action {

    @Reference
    InsuranceService insurance;

    @Reference
    VehicleService vehicles;

    @Option(name = "--vehicle", aliases = "-v", description = "车辆编号 vehicle id")
    Long vehicle;

    @Option(name = "--plate", aliases = "-p", description = "或在用车辆的车牌，任意写法 or the plate of an active vehicle, any spelling")
    String plate;

    @Option(name = "--insurer", aliases = "-i", description = "保险公司 insurer, e.g. 中国人保")
    @Completion(InsurerCompleter.class)
    String insurer;

    @Option(name = "--number", aliases = "-n", description = "保单号 policy number")
    String number;

    @Option(name = "--kind", aliases = "-k", description = "险种 COMPULSORY 或 交强险, COMMERCIAL 或 商业险 kind: COMPULSORY or COMMERCIAL")
    @Completion(value = StringsCompleter.class, values = { "COMPULSORY", "COMMERCIAL", "交强险", "商业险" })
    String kind;

    @Option(name = "--start", description = "起期 first day of cover, e.g. 2026-03-01")
    String start;

    @Option(name = "--end", description = "止期（含当天），缺省为起期后一年的前一天 last day of cover; default a year after the start, less a day")
    String end;

    @Option(name = "--premium", description = "保费（元） premium in yuan, e.g. 950.00")
    String premium;

    @Option(name = "--note", description = "备注 note")
    String note;

    @Override
    public Object execute() {
        try {
            Violations v = new Violations();
            Long vehicleId = vehicleId(v);
            LocalDate first = Typed.date(v, "startDate", start);
            LocalDate last = end == null && first != null ? first.plusYears(1).minusDays(1)
                    : Typed.date(v, "endDate", end);
            PolicyDraft draft = new PolicyDraft(vehicleId, insurer, number, Typed.kind(v, "kind", kind), first, last,
                    Typed.yuan(v, "premium", premium), note);
            v.throwIfAny();
            Policy p = insurance.create(draft, ConsoleActor.current());
            ConsoleText.out()
                    .println("已登记保单 Recorded policy " + p.id() + ": " + (p.plate() == null ? "" : p.plate() + " ")
                            + PolicyPrinter.kind(p.kind()) + " " + p.insurer() + " " + p.policyNumber() + " "
                            + p.startDate()
                            + " ~ " + p.endDate());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }

    /** The vehicle named by id, or by the plate of an active vehicle; both must agree when both are given. */
    private Long vehicleId(Violations v) {
        if (plate == null || plate.isBlank()) {
            return vehicle;
        }
        Vehicle found = vehicles.findByPlate(plate).orElse(null);
        if (found == null) {
            v.add("plate", "not_found", "没有在用车辆使用车牌 " + plate, "no active vehicle has the plate " + plate);
            return null;
        }
        if (vehicle != null && vehicle != found.id()) {
            v.add("plate", "vehicle.mismatch", "车牌 " + found.plate() + " 属于车辆 " + found.id() + "，不是车辆 " + vehicle,
                    "plate " + found.plate() + " belongs to vehicle " + found.id() + ", not vehicle " + vehicle);
            return null;
        }
        return found.id();
    }
}
