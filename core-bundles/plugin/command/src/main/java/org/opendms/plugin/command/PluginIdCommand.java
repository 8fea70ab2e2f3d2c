package org.opendms.plugin.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginStatus;

/** A command on one plugin named by its id: prints the plugin's state afterwards, or the refusal. */
abstract class PluginIdCommand implements Action {

    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "plugin", required = true, description = "插件名，如 insurance plugin id, e.g. insurance")
    @Completion(PluginIds.class)
    String id;

    abstract PluginStatus apply(PluginManager manager, String plugin, Actor actor);

    @Override
    public Object execute() {
        try {
            PluginPrinter.outcome(ConsoleText.out(), apply(plugins, id, ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
