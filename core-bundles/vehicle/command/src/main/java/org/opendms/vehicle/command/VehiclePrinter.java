package org.opendms.vehicle.command;

import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;

import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.vehicle.api.OdometerReading;
import org.opendms.vehicle.api.Vehicle;

/** How the vehicle commands show vehicles: one as labelled lines, several as a table; times in the shop's zone. */
final class VehiclePrinter {

    private VehiclePrinter() {
    }

    static void table(PrintStream out, List<Vehicle> vehicles) {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("车牌 Plate");
        table.column("车架号 VIN");
        table.column("品牌车型 Make/model");
        table.column("车主 Owner");
        table.column("里程 Km");
        table.column("在用 Active");
        for (Vehicle v : vehicles) {
            String makeModel = (v.make() == null ? "" : v.make()) + (v.model() == null ? "" : " " + v.model());
            table.addRow().addContent(v.id(), v.plate() == null ? "（未上牌 none）" : v.plate(), v.vin(),
                    ConsolePrinter.cell(makeModel.strip(), 24), v.ownerId(),
                    v.lastOdometerKm() == null ? "" : v.lastOdometerKm(),
                    v.active() ? "是 yes" : "否 no");
        }
        table.print(out);
    }

    static void details(PrintStream out, Vehicle v, ZoneId zone) {
        line(out, "编号 Id", v.id());
        line(out, "车牌 Plate", v.plate() == null ? "（未上牌 not registered）" : v.plate());
        line(out, "车架号 VIN", v.vin());
        line(out, "品牌 Make", v.make());
        line(out, "车型 Model", v.model());
        line(out, "年款 Year", v.year());
        line(out, "发动机号 Engine no.", v.engineNumber());
        line(out, "颜色 Colour", v.colour());
        line(out, "能源 Energy", v.energyType());
        line(out, "车主 Owner", "客户 customer " + v.ownerId());
        line(out, "使用人 User", v.userId() == null ? "同车主 the owner" : "客户 customer " + v.userId());
        line(out, "保险到期 Insurance", v.insuranceDueDate());
        line(out, "年检到期 Inspection", v.inspectionDueDate());
        line(out, "在用 Active", v.active() ? "是 yes" : "否 no");
        line(out, "里程 Odometer", v.lastOdometerKm() == null ? "" : v.lastOdometerKm() + " km");
        line(out, "创建 Created", ConsolePrinter.time(v.createdAt(), zone) + " " + v.createdBy());
        line(out, "修改 Updated",
                ConsolePrinter.time(v.updatedAt(), zone) + " " + v.updatedBy() + " (version " + v.version() + ")");
    }

    static void history(PrintStream out, List<OdometerReading> readings, int max, ZoneId zone) {
        if (readings.isEmpty()) {
            out.println("无里程记录 No odometer readings");
            return;
        }
        ShellTable table = new ShellTable();
        table.column("时间 Read at");
        table.column("里程 Km");
        table.column("来源 Source");
        table.column("登记人 By");
        table.column("确认低于上次 Confirmed lower");
        for (OdometerReading r : readings.subList(0, Math.min(max, readings.size()))) {
            table.addRow().addContent(ConsolePrinter.time(r.readAt(), zone), r.km(), r.source(), r.recordedBy(),
                    r.confirmedLower() ? "是 yes" : "");
        }
        table.print(out);
        if (readings.size() > max) {
            out.println("另有 " + (readings.size() - max) + " 条更早的记录 " + (readings.size() - max)
                    + " older readings not shown");
        }
    }

    private static void line(PrintStream out, String label, Object value) {
        out.printf("%-22s %s%n", label, value == null ? "" : value);
    }
}
