package org.opendms.webapp.extension;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.api.web.WebPage;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/web/extensions: the plugin pages the user may open, with the addresses of their modules. A page whose
 * permission the user lacks is left out (the API refuses its calls anyway), and so is a plugin with no page left.
 */
@Component(service = WebExtensionsResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("web/extensions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "网页插件 Web app extensions")
public class WebExtensionsResource {

    @Reference
    WebExtensions extensions;

    @Reference
    Permissions permissions;

    /** A plugin's pages as the web app loads them. */
    public record Extension(String plugin, String version, String base, String messages, List<Page> pages) {
    }

    /** A page: its route, the module's address and its menu entry. */
    public record Page(String path, String module, String title, String titleEn, String icon, String permission,
            int order, boolean menu) {
    }

    @GET
    @Operation(summary = "插件页面 The pages of running plugins the user may open (the web app builds its menu from them)", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true))
    @RequiresPermission("web.extensions.read")
    public Map<String, Object> list(@Context SecurityContext security) {
        Actor actor = RestActor.from(security);
        List<Extension> result = new ArrayList<>();
        for (Contribution c : extensions.all()) {
            List<Page> pages = new ArrayList<>();
            for (WebPage p : pages(c)) {
                if (p.permission() == null || permissions.allows(actor, p.permission())) {
                    pages.add(new Page(p.path(), c.base() + p.module(), p.title(), p.titleEn(), p.icon(),
                            p.permission(), p.order(), p.menu()));
                }
            }
            if (!pages.isEmpty()) {
                String messages = c.extension().messages();
                result.add(new Extension(c.plugin(), c.version(), c.base(),
                        messages == null ? null : c.base() + messages.replaceAll("^/+", ""), pages));
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("extensions", result);
        return body;
    }

    /** A plugin whose pages() throws must not take the others' menus down: it is left out (and logged). */
    private static List<WebPage> pages(Contribution c) {
        try {
            return c.pages();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(WebExtensionsResource.class).warn("pages of plugin {} failed: {}",
                    c.plugin(), e.toString(), e);
            return List.of();
        }
    }
}
