package ${package};

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/${pluginId}/notes: thin over {@link NoteService}, which holds every rule. Login, JSON and problem+json
 * errors come from the platform; as a {@link PluginResource} it is served under /api/${pluginId} while the plugin runs.
 */
@Component(service = PluginResource.class)
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "车辆备注 Vehicle notes")
public class NoteResource implements PluginResource {

    @Reference
    NoteService notes;

    @GET
    @Operation(summary = "车辆备注列表 Notes, newest first",
            responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = VehicleNote.class)))))
    @RequiresPermission(NotesPermissions.READ)
    public List<VehicleNote> list(
            @Parameter(description = "车辆编号；缺省为全部车辆 vehicle id; absent: every vehicle") @QueryParam("vehicleId") String vehicleId,
            @Parameter(description = "最多条数 at most this many, 1–200 (default 50)") @QueryParam("limit") String limit) {
        Long vehicle = vehicleId == null || vehicleId.isBlank() ? null : Params.id("vehicleId", vehicleId);
        Integer n = Params.integer("limit", limit);
        return notes.list(vehicle, n == null ? 50 : n);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "查看备注 One note",
            responses = {@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = VehicleNote.class))),
                    @ApiResponse(responseCode = "404", description = "no such note")})
    @RequiresPermission(NotesPermissions.READ)
    public VehicleNote get(@PathParam("id") String id) {
        return notes.get(Params.id("id", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "写备注 Add a note to a vehicle",
            requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NoteDraft.class))),
            responses = {@ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = VehicleNote.class))),
                    @ApiResponse(responseCode = "400", description = "vehicleId or text missing or wrong, or no such vehicle"),
                    @ApiResponse(responseCode = "403", description = "the role may not write notes")})
    @RequiresPermission(NotesPermissions.WRITE)
    public Response create(NoteDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        VehicleNote created = notes.add(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(created.id())).build();
        return Response.created(location).entity(created).build();
    }
}
