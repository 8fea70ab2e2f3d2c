package org.opendms.plugin.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.console.api.ConsoleActor;
import org.opendms.platform.console.api.ConsolePrinter;
import org.opendms.platform.console.api.ConsoleText;
import org.opendms.plugin.api.manage.PluginManager;

@Service
@Command(scope = "dms", name = "plugin-add", description = "登记一个插件的功能仓库（如第三方插件），插件保持未启用 "
        + "Register a plugin's feature repository (a third party's, say); the plugin stays disabled")
public class PluginAdd implements Action {

    @Reference
    PluginManager plugins;

    @Argument(index = 0, name = "repository", required = true, description = "功能仓库 feature repository, mvn:…/xml/features or file:/…")
    String repository;

    @Override
    public Object execute() {
        try {
            PluginPrinter.outcome(ConsoleText.out(), plugins.add(repository, ConsoleActor.current()));
        } catch (DmsException e) {
            ConsolePrinter.refusal(ConsoleText.out(), e);
        }
        return null;
    }
}
