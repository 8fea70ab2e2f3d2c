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
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.api.manage.PluginManager;

@Service
@Command(scope = "dms", name = "plugin-update", description = "热更新插件（核心不停）：给出新版本的功能仓库，或不给则从原位置重新加载 "
        + "Hot-update a plugin while core keeps serving: to the version a feature repository offers, or reloaded from where it came from")
public class PluginUpdate implements Action {

    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "plugin", required = true, description = "插件名 plugin id")
    @Completion(PluginIds.class)
    String id;

    @Argument(index = 1, name = "repository", description = "新版本的功能仓库，如 mvn:…/xml/features 或 file:/…/features.xml "
            + "feature repository of the new version")
    String repository;

    @Override
    public Object execute() {
        try {
            PluginPrinter.outcome(ConsoleText.out(), plugins.update(id, repository, ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
