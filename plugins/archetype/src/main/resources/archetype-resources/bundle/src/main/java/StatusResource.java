package ${package};

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.opendms.platform.rest.api.PluginResource;
import org.opendms.platform.rest.api.RequiresPermission;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/${pluginId}/status: what the plugin has seen and the settings it runs with. */
@Component(service = PluginResource.class)
@Path("status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "车辆备注 Vehicle notes")
public class StatusResource implements PluginResource {

    /**
     * @param vehicleEventsSeen vehicle changes core reported since the plugin started
     * @param maxLength         the longest note accepted now
     */
    public record Status(long vehicleEventsSeen, int maxLength) {
    }

    @Reference
    VehicleEventCounter counter;

    @Reference
    NoteService notes;

    @GET
    @Operation(summary = "插件状态 What the plugin has seen",
            responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Status.class))))
    @RequiresPermission(NotesPermissions.READ)
    public Status status() {
        return new Status(counter.seen(), notes.maxLength());
    }
}
