package org.opendms.plugin.api.manage;

import java.time.Instant;

import org.opendms.platform.api.Channel;

/**
 * One recorded plugin operation.
 *
 * @param action    ENABLE, DISABLE, UPDATE, ADD, REMOVE or APPLY_PROFILE
 * @param detail    what was asked, e.g. the version or repository
 * @param succeeded whether it took effect
 * @param result    what happened, or why it was refused
 * @param millis    how long it took
 */
public record PluginOperation(Instant at, String username, Channel channel, String action, String plugin,
        String detail, boolean succeeded, String result, long millis) {
}
