package org.opendms.plugin.command;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginOperation;

@Service
@Command(scope = "dms", name = "plugin-history", description = "插件操作记录：谁、何时、做了什么、结果 Plugin operations: who, when, what, result")
public class PluginHistory implements Action {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Reference
    PluginManager plugins;

    @Reference
    ShopClock shop;

    @Option(name = "--limit", description = "条数 how many, newest first")
    int limit = 20;

    @Override
    public Object execute() {
        try {
            ZoneId zone = shop.zone();
            ShellTable table = new ShellTable();
            table.column("时间 When");
            table.column("操作人 Who");
            table.column("渠道 Via");
            table.column("操作 What");
            table.column("插件 Plugin");
            table.column("结果 Result").maxSize(90);
            for (PluginOperation op : plugins.operations(limit, ConsoleActor.current())) {
                table.addRow().addContent(SHOWN.format(op.at().atZone(zone)), op.username(), op.channel(),
                        op.action() + (op.detail() == null ? "" : " " + op.detail()),
                        op.plugin() == null ? "" : op.plugin(),
                        (op.succeeded() ? "成功 ok: " : "拒绝 refused: ") + op.result() + " (" + op.millis() + " ms)");
            }
            table.print(ConsoleText.out());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
