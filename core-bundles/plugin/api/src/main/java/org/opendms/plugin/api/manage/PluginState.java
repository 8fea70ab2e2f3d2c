package org.opendms.plugin.api.manage;

/** Where a plugin stands. */
public enum PluginState {
    /** Available in a registered feature repository, not enabled. */
    DISABLED("未启用"),
    /** Enabled; its bundles or services are still starting (migrations run first). */
    STARTING("启动中"),
    /** Enabled and every bundle and service of it is up. */
    ACTIVE("运行中"),
    /** Enabled but something of it did not start; {@link PluginStatus#problem()} says why. */
    FAILED("故障"),
    /** Named in the dealer profile but no registered feature repository provides it. */
    MISSING("缺失");

    private final String chinese;

    PluginState(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
