package org.opendms.plugin.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginStatus;

@Service
@Command(scope = "dms", name = "plugin-disable", description = "停用插件，数据保留，核心不重启 Disable a plugin; its data stays, core keeps running")
public class PluginDisable extends PluginIdCommand {

    @Override
    PluginStatus apply(PluginManager manager, String plugin, Actor actor) {
        return manager.disable(plugin, actor);
    }
}
