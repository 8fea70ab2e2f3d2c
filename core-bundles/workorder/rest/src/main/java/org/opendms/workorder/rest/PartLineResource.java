package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.tagged;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.PartLines;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/work-orders/{id}/jobs/{jobId}/lines/{lineId}/not-needed: the advisor marks a part line as not needed, saying
 * why, so the work order completes without it being issued (If-Match). Thin over {@link PartLines}.
 */
@Component(service = PartLineResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/jobs/{jobId}/lines/{lineId}/not-needed")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "维修工单 Work orders")
public class PartLineResource {

    @Reference
    PartLines partLines;

    /** Why the part is not needed (required, at most 200 characters). */
    public record NotNeeded(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "无需领料 Mark a part line not needed, with why: the work order completes without it (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = NotNeeded.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "400", description = "no reason"),
            @ApiResponse(responseCode = "409", description = "not a part line (line.not_part), already marked, closed, or"
                    + " changed since read") })
    @RequiresPermission("workorder.line.not-needed")
    public Response markNotNeeded(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @PathParam("lineId") String lineId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, NotNeeded body,
            @Context SecurityContext security) {
        return tagged(partLines.markNotNeeded(Params.id("id", id), Params.id("jobId", jobId),
                Params.id("lineId", lineId), Params.ifMatch(ifMatch), body == null ? null : body.reason(),
                RestActor.from(security)));
    }
}
