package org.opendms.plugin.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginStatus;

@Service
@Command(scope = "dms", name = "plugin-list", description = "插件列表：是否启用、版本、状态、数据库版本 List plugins: enabled, version, state, schema")
public class PluginList implements Action {

    @Reference
    PluginManager plugins;

    @Option(name = "-v", aliases = "--verbose", description = "显示各插件的模块 show each plugin's bundles")
    boolean verbose;

    @Override
    public Object execute() {
        try {
            ShellTable table = new ShellTable();
            table.column("插件 Plugin");
            table.column("启用 Enabled");
            table.column("版本 Version");
            table.column("状态 State");
            table.column("数据库 Schema");
            table.column("说明 Title");
            table.column("原因 Why").maxSize(80);
            for (PluginStatus p : plugins.list(ConsoleActor.current())) {
                table.addRow().addContent(p.id(), p.enabled() ? "是 yes" : "否 no",
                        p.version() == null ? "" : p.version(),
                        p.state().chinese() + " " + p.state(), String.join(",", p.schemaVersions().values()),
                        ConsolePrinter.cell(p.title(), 40), p.problem() == null ? "" : p.problem());
                if (verbose) {
                    for (String b : p.bundles()) {
                        table.addRow().addContent("", "", "", "", "", "  " + b, "");
                    }
                }
            }
            table.print(ConsoleText.out());
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
