/**
 * Managing plugins: what the console ({@code dms:plugin-*}) and REST ({@code /api/plugins}) call. Only the platform
 * implements {@link org.opendms.plugin.api.manage.PluginManager}.
 */
@Export
@Version("1.0.0")
package org.opendms.plugin.api.manage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
