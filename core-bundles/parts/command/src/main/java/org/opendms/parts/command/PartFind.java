package org.opendms.parts.command;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartQuery;
import org.opendms.parts.api.Supersession;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;

@Service
@Command(scope = "dms", name = "part-find", description = "查找配件 Find parts by number (any spelling, any part of it) or name")
public class PartFind implements Action {

    @Reference
    Catalogue catalogue;

    @Argument(index = 0, name = "text", required = true, description = "配件号或名称 part number or name")
    String text;

    @Option(name = "--all", description = "包括已停用配件 include withdrawn parts")
    boolean all;

    @Option(name = "--size", description = "每页条数 page size")
    int size = 20;

    @Override
    public Object execute() {
        PrintStream out = ConsoleText.out();
        try {
            PartLookup exact = catalogue.lookup(text).orElse(null);
            if (exact != null) {
                for (Supersession s : exact.successors()) {
                    out.println(exact.part().number().printed() + " → " + s.kind() + " " + s.successorNumber() + " ×"
                            + PartsConsole.show(s.quantity()) + "（自 " + s.effectiveFrom() + " from）");
                }
                if (exact.superseded()) {
                    out.println("请使用 use: " + exact.current().number().printed());
                }
            }
            Page<Part> found = catalogue.search(new PartQuery(text, null, null, !all), PageRequest.of(0, size));
            out.println(ConsolePrinter.cell("id", 8) + ConsolePrinter.cell("配件号 number", 24)
                    + ConsolePrinter.cell("名称 name", 30) + ConsolePrinter.cell("单位", 6)
                    + ConsolePrinter.cell("零售价 retail", 14) + "状态 state");
            for (Part p : found.items()) {
                out.println(ConsolePrinter.cell(p.id(), 8) + ConsolePrinter.cell(p.number().printed(), 24)
                        + ConsolePrinter.cell(p.name(), 30) + ConsolePrinter.cell(p.unit(), 6)
                        + ConsolePrinter.cell(p.prices().retail(), 14)
                        + (p.active() ? "" : "已停用 withdrawn ") + (p.supersededBy() == null ? "" : "已替代 superseded"));
            }
            out.println("共 " + found.total() + (found.totalExact() ? "" : "+") + " 个 in all");
        } catch (DmsException e) {
            ConsolePrinter.refusal(out, e);
        }
        return null;
    }
}
