package ${package};

import java.util.List;

import org.opendms.platform.api.web.WebExtension;
import org.opendms.platform.api.web.WebPage;
import org.osgi.service.component.annotations.Component;

/**
 * The plugin's page in the staff web app (菜单“车辆备注”): an ES module under {@code web/} of this bundle that imports
 * vue and the host's SDK ('@opendms/web') by bare name. The menu entry comes with the plugin and goes with it; users
 * without the read permission do not see it.
 */
@Component
public class NotesPages implements WebExtension {

    @Override
    public List<WebPage> pages() {
        return List.of(WebPage.of("/" + NotesPlugin.ID + "/notes", "notes.js", "车辆备注", "Vehicle notes")
                .icon("Notebook").permission(NotesPermissions.READ));
    }

    @Override
    public String messages() {
        return "messages.json";
    }
}
