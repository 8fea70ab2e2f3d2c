package org.opendms.plugin.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginStatus;
import org.opendms.platform.console.api.ConsoleActor;

/** Completes plugin ids, so nobody has to look them up. */
@Service
public class PluginIds implements Completer {

    @Reference
    PluginManager plugins;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        try {
            for (PluginStatus p : plugins.list(ConsoleActor.current())) {
                ids.getStrings().add(p.id());
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return ids.complete(session, commandLine, candidates);
    }
}
