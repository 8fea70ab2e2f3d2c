/**
 * Who may do what: the platform's one permission table. Services and REST resources name a permission
 * ({@code customer.create}); the table, kept on the implementation side, says which shop roles have it. A plugin adds
 * its own permissions by registering a {@link PermissionSet}.
 */
@Export
@Version("1.2.0")
package org.opendms.platform.api.security;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
