package org.opendms.plugin.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.plugin.api.manage.PluginManager;
import org.opendms.plugin.api.manage.PluginOperation;
import org.opendms.plugin.api.manage.PluginStatus;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/plugins: the same operations as the dms:plugin-* commands, for the admin role only. */
@Component(service = PluginResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("plugins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "插件 Plugins")
public class PluginResource {

    @Reference
    PluginManager plugins;

    /**
     * A feature repository, for adding a plugin or updating one to another version.
     *
     * @param repository mvn:group/artifact/version/xml/features, file:/…, http(s)://…; absent on update means
     *                   "reload from where it came from"
     */
    public record RepositoryInput(String repository) {
    }

    @GET
    @Operation(summary = "插件列表 List plugins", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = PluginStatus.class)))))
    @RequiresPermission("plugin.read")
    public List<PluginStatus> list(@Context SecurityContext security) {
        return plugins.list(RestActor.from(security));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "查看插件 One plugin", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginStatus.class))))
    @RequiresPermission("plugin.read")
    public PluginStatus get(@PathParam("id") String id, @Context SecurityContext security) {
        return plugins.get(id, RestActor.from(security));
    }

    @POST
    @Path("{id}/enable")
    @Operation(summary = "启用插件 Enable a plugin", description = "Checked against this platform's API first; "
            + "a 409 names what an incompatible plugin lacks and nothing has changed.", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginStatus.class))))
    @RequiresPermission("plugin.enable")
    public PluginStatus enable(@PathParam("id") String id, @Context SecurityContext security) {
        return plugins.enable(id, RestActor.from(security));
    }

    @POST
    @Path("{id}/disable")
    @Operation(summary = "停用插件（数据保留） Disable a plugin, keeping its data", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginStatus.class))))
    @RequiresPermission("plugin.disable")
    public PluginStatus disable(@PathParam("id") String id, @Context SecurityContext security) {
        return plugins.disable(id, RestActor.from(security));
    }

    @POST
    @Path("{id}/update")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "热更新插件 Hot-update a plugin", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = RepositoryInput.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginStatus.class))))
    @RequiresPermission("plugin.update")
    public PluginStatus update(@PathParam("id") String id, RepositoryInput input, @Context SecurityContext security) {
        return plugins.update(id, input == null ? null : input.repository(), RestActor.from(security));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "登记插件仓库 Add a plugin's feature repository", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = RepositoryInput.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginStatus.class))))
    @RequiresPermission("plugin.add")
    public PluginStatus add(RepositoryInput input, @Context SecurityContext security) {
        return plugins.add(input == null ? null : input.repository(), RestActor.from(security));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "移除插件（数据保留） Remove a plugin, keeping its data", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PluginStatus.class))))
    @RequiresPermission("plugin.remove")
    public PluginStatus remove(@PathParam("id") String id, @Context SecurityContext security) {
        return plugins.remove(id, RestActor.from(security));
    }

    @GET
    @Path("operations")
    @Operation(summary = "插件操作记录 Plugin operations, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = PluginOperation.class)))))
    @RequiresPermission("plugin.operations.read")
    public List<PluginOperation> operations(@QueryParam("limit") String limit, @Context SecurityContext security) {
        Integer n = Params.integer("limit", limit);
        return plugins.operations(n == null ? 50 : n, RestActor.from(security));
    }
}
