package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.required;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.ClockEntry;
import org.opendms.workorder.api.Clocks;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/work-orders/{id}/clocks: technicians clocking on and off the labour lines of a work order; thin over
 * {@link Clocks}. A clock is the technician's own and takes no If-Match, but it raises the work order's version: the
 * answer carries the new ETag, so that the client's next change does not meet a 409 for a change it made itself.
 */
@Component(service = ClockResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/clocks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "技师计时 Clocks")
public class ClockResource {

    @Reference
    Clocks clocks;

    @Reference
    WorkOrders workOrders;

    /** A technician's clock on a labour line. */
    public record ClockOn(Long jobId, Long labourLineId, String technician) {
    }

    /** Stopping the clock; a pause reason unless the work is done. */
    public record ClockOff(String technician, String pauseReason) {
    }

    @GET
    @Operation(summary = "工时记录 Every clock of the work order", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = ClockEntry.class)))))
    @RequiresPermission("workorder.read")
    public List<ClockEntry> list(@PathParam("id") String id) {
        return clocks.clocks(Params.id("id", id));
    }

    @POST
    @Path("on")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "技师开工 Start a technician's clock on a labour line", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClockEntry.class))),
            @ApiResponse(responseCode = "409", description = "job not approved, or the technician's clock already runs") })
    @RequiresPermission("workorder.clock")
    public Response clockOn(@PathParam("id") String id, ClockOn on, @Context SecurityContext security) {
        ClockOn c = on == null ? new ClockOn(null, null, null) : on;
        long workOrder = Params.id("id", id);
        return tagged(workOrder, clocks.clockOn(workOrder, required("jobId", c.jobId()),
                required("labourLineId", c.labourLineId()), c.technician(), RestActor.from(security)));
    }

    @POST
    @Path("off")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "技师停工 Stop the technician's clock (a pause reason unless done)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClockEntry.class))))
    @RequiresPermission("workorder.clock")
    public Response clockOff(@PathParam("id") String id, ClockOff off, @Context SecurityContext security) {
        ClockOff c = off == null ? new ClockOff(null, null) : off;
        long workOrder = Params.id("id", id);
        return tagged(workOrder, clocks.clockOff(workOrder, c.technician(), c.pauseReason(), RestActor.from(security)));
    }

    private Response tagged(long workOrder, ClockEntry entry) {
        return Response.ok(entry).tag(Long.toString(workOrders.get(workOrder).version())).build();
    }
}
