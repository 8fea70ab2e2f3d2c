package org.opendms.audit.command;

import java.time.LocalDate;
import java.time.ZoneId;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.audit.AuditEntry;
import org.opendms.platform.api.audit.AuditQuery;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;

@Service
@Command(scope = "dms", name = "audit", description = "修改留痕 Audit trail: one record (dms:audit customer 42) or the log searched by --actor, --field, --from, --to")
public class AuditShow implements Action {

    @Reference
    AuditTrail trail;

    @Reference
    ShopClock clock;

    @Argument(index = 0, name = "type", description = "记录类型 record type, e.g. customer, vehicle, work-order, labour-operation")
    String type;

    @Argument(index = 1, name = "id", description = "记录 ID the record's id")
    String id;

    @Option(name = "--actor", description = "修改人 who changed it (login)")
    String actor;

    @Option(name = "--field", description = "字段 field, e.g. address")
    String field;

    @Option(name = "--from", description = "起始日期 first day yyyy-MM-dd")
    String from;

    @Option(name = "--to", description = "截止日期 last day yyyy-MM-dd")
    String to;

    @Option(name = "--page", description = "页码，从 0 开始 page, from 0")
    int page;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 50;

    @Override
    public Object execute() {
        try {
            Page<AuditEntry> result = trail.search(new AuditQuery(type, id, actor, field, day("from", from),
                    day("to", to)), PageRequest.of(page, size), ConsoleActor.current());
            ZoneId zone = clock.zone();
            ShellTable table = new ShellTable();
            table.column("时间 At");
            table.column("修改人 By");
            table.column("记录 Record");
            table.column("动作 Action");
            table.column("字段 Field");
            table.column("原值 Old");
            table.column("新值 New");
            for (AuditEntry e : result.items()) {
                table.addRow().addContent(ConsolePrinter.time(e.at(), zone),
                        ConsolePrinter.cell(e.actor() + "/" + e.channel(), 24),
                        ConsolePrinter.cell(e.type() + " " + e.recordId(), 30), e.action(),
                        ConsolePrinter.cell(e.field(), 40), ConsolePrinter.cell(e.oldValue(), 40),
                        ConsolePrinter.cell(e.newValue(), 40));
            }
            table.print(System.out);
            System.out.println("共 " + result.total() + " 条 " + result.total() + " in all, page " + result.page());
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }

    private static LocalDate day(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw DmsException.invalid(field, "wrong_type", field + " 应为日期 yyyy-MM-dd",
                    field + " must be a date yyyy-MM-dd");
        }
    }
}
