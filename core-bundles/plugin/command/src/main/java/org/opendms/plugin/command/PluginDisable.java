package org.opendms.plugin.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.plugin.api.manage.PluginManager;

@Service
@Command(scope = "dms", name = "plugin-disable", description = "停用插件，数据保留，核心不重启 Disable a plugin; its data stays, core keeps running")
public class PluginDisable implements Action {

    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "plugin", required = true, description = "插件名，如 insurance plugin id, e.g. insurance")
    @Completion(PluginIds.class)
    String id;

    @Override
    public Object execute() {
        try {
            PluginPrinter.outcome(System.out, plugins.disable(id, ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
