package org.opendms.platform.testing;

import org.opendms.platform.api.security.PermissionSet;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.security.PermissionTable;

/** The platform's real permission table outside OSGi, for services under test that check their actor. */
public final class TestPermissions {

    private TestPermissions() {
    }

    /** Core's permissions and those of the given plugin sets, as the running platform has them. */
    public static Permissions of(PermissionSet... plugins) {
        return PermissionTable.of(plugins);
    }
}
