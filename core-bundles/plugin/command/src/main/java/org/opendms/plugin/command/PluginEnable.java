package org.opendms.plugin.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.opendms.platform.api.Actor;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginStatus;

@Service
@Command(scope = "dms", name = "plugin-enable", description = "启用插件：先校验兼容性，再执行其数据库迁移并启动 Enable a plugin: checked first, then its migrations run and it starts")
public class PluginEnable extends PluginIdCommand {

    @Override
    PluginStatus apply(PluginManager manager, String plugin, Actor actor) {
        return manager.enable(plugin, actor);
    }
}
