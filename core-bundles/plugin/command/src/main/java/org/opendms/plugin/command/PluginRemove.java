package org.opendms.plugin.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginStatus;

@Service
@Command(scope = "dms", name = "plugin-remove", description = "停用并移除插件的功能仓库，数据保留 Disable a plugin and unregister its repository; its data stays")
public class PluginRemove extends PluginIdCommand {

    @Override
    PluginStatus apply(PluginManager manager, String plugin, Actor actor) {
        return manager.remove(plugin, actor);
    }
}
