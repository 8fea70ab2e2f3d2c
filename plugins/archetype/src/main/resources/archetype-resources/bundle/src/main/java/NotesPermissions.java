package ${package};

import java.util.List;

import org.opendms.platform.api.Roles;
import org.opendms.platform.api.security.Permission;
import org.opendms.platform.api.security.PermissionSet;
import org.osgi.service.component.annotations.Component;

/**
 * This plugin's rows of the platform's permission table (GET /api/permissions shows them while the plugin runs). Every
 * REST method names one of them with {@code @RequiresPermission}; the services check them with {@code Permissions}.
 */
@Component(service = PermissionSet.class, property = NotesPermissions.PROPERTY + "=" + NotesPlugin.ID)
public class NotesPermissions implements PermissionSet {

    /** Marks the set with its plugin, so that the plugin's own services can wait for it. */
    static final String PROPERTY = "dms.permissions";

    static final String READ = NotesPlugin.ID + ".note.read";
    static final String WRITE = NotesPlugin.ID + ".note.write";

    @Override
    public List<Permission> permissions() {
        return List.of(
                new Permission(READ, "查看车辆备注", "read vehicle notes", Roles.ALL),
                // the people who meet the car
                new Permission(WRITE, "写车辆备注", "write vehicle notes", List.of(Roles.ADVISOR, Roles.TECHNICIAN, Roles.MANAGER, Roles.ADMIN)));
    }
}
