package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.tagged;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.Assignment;
import org.opendms.workorder.api.Dispatch;
import org.opendms.workorder.api.TechnicianSuggestion;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/work-orders/{id}/assignments: who works each job of a work order and in which bay (派工), and who would suit a
 * job best; thin over {@link Dispatch}. Dispatching takes If-Match with the work order's ETag.
 */
@Component(service = DispatchResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/assignments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "派工 Dispatch")
public class DispatchResource {

    @Reference
    Dispatch dispatch;

    /**
     * Who works a job, and in which bay; skillOverride says why technicians without the job's skill work it (kept in
     * the timeline).
     */
    public record Assigning(List<String> technicians, String bay, String skillOverride) {
    }

    @GET
    @Operation(summary = "派工情况 Who works each dispatched job, and where", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = Assignment.class)))))
    @RequiresPermission("workorder.read")
    public List<Assignment> assignments(@PathParam("id") String id) {
        return dispatch.assignments(Params.id("id", id));
    }

    @PUT
    @Path("{jobId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "派工 Assign technicians and a bay to a job (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Assigning.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    @RequiresPermission("workorder.dispatch")
    public Response assign(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Assigning assigning, @Context SecurityContext security) {
        Assigning d = assigning == null ? new Assigning(null, null, null) : assigning;
        return tagged(dispatch.assign(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch),
                d.technicians(), d.bay(), d.skillOverride(), RestActor.from(security)));
    }

    @GET
    @Path("{jobId}/suggestions")
    @Operation(summary = "派工建议 Technicians for a job, ranked by skill level then open sold hours, each with why", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TechnicianSuggestion.class)))))
    @RequiresPermission("workorder.read")
    public List<TechnicianSuggestion> suggestions(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @Parameter(description = "工种代码或名称 a code (or name) of the skill catalogue, /api/skills; absent: the skill the job's labour operations name") @QueryParam("skill") String skill) {
        return dispatch.suggestTechnicians(Params.id("id", id), Params.id("jobId", jobId),
                skill);
    }
}
