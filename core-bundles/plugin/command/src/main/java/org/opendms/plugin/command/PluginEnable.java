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
@Command(scope = "dms", name = "plugin-enable", description = "启用插件：先校验兼容性，再执行其数据库迁移并启动 Enable a plugin: checked first, then its migrations run and it starts")
public class PluginEnable implements Action {

    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "plugin", required = true, description = "插件名，如 insurance plugin id, e.g. insurance")
    @Completion(PluginIds.class)
    String id;

    @Override
    public Object execute() {
        try {
            PluginPrinter.outcome(System.out, plugins.enable(id, ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(System.out, e);
        }
        return null;
    }
}
