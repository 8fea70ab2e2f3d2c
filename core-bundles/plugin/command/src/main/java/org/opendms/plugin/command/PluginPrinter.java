package org.opendms.plugin.command;

import java.io.PrintStream;

import org.opendms.plugin.api.manage.PluginStatus;

/** How one plugin's outcome is shown after an operation. */
final class PluginPrinter {

    private PluginPrinter() {
    }

    static void outcome(PrintStream out, PluginStatus p) {
        out.println("插件 Plugin " + p.id() + " " + (p.version() == null ? "" : p.version()) + ": "
                + p.state().chinese() + " " + p.state());
        if (p.problem() != null) {
            out.println("  原因 Why: " + p.problem());
        }
        p.schemaVersions().forEach((bundle, v) -> out.println("  数据库 Schema " + bundle + ": " + v));
    }
}
