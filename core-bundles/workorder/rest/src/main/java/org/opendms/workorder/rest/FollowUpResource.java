package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.day;
import static org.opendms.workorder.rest.Replies.tagged;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.FollowUp;
import org.opendms.workorder.api.FollowUps;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/follow-ups: declined jobs for the desk to call or raise at the car's next visit, thin over {@link FollowUps}.
 */
@Component(service = FollowUpResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "维修工单 Work orders")
public class FollowUpResource {

    @Reference
    FollowUps followUps;

    /** The later work order of the same car the declined job is added to. */
    public record TakingUp(Long workOrderId) {
    }

    /** Why a follow-up is closed without work. */
    public record Dismissing(String reason) {
    }

    @GET
    @RequiresPermission("workorder.read")
    @Operation(summary = "待跟进 Open follow-ups: jobs customers declined, oldest first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of follow-ups (items, page, size, total)"))
    public Page<FollowUp> open(
            @Parameter(description = "车牌（可为部分） plate or part of it") @QueryParam("plate") String plate,
            @Parameter(description = "declined on or after, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "declined on or before, yyyy-MM-dd") @QueryParam("to") String to,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        return followUps.open(plate, day("from", from), day("to", to), request);
    }

    @GET
    @Path("{jobId}")
    @RequiresPermission("workorder.read")
    @Operation(summary = "跟进详情 One follow-up, open or closed", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FollowUp.class))),
            @ApiResponse(responseCode = "404", description = "no declined job with this id") })
    public FollowUp get(@PathParam("jobId") String jobId) {
        return followUps.get(Params.id("jobId", jobId));
    }

    @POST
    @Path("{jobId}/take-up")
    @RequiresPermission("workorder.job.add")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "重新承接 Add the declined job (with its lines) to a later work order of the car; If-Match is that"
            + " work order's ETag", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = TakingUp.class))), responses = {
                    @ApiResponse(responseCode = "200", description = "the work order it was added to", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
                    @ApiResponse(responseCode = "400", description = "workOrderId missing or another car's"),
                    @ApiResponse(responseCode = "409", description = "already closed (followup.closed), the work order closed,"
                            + " or changed since read") })
    public Response takeUp(@PathParam("jobId") String jobId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            TakingUp body, @Context SecurityContext security) {
        long workOrderId = Replies.required("workOrderId", body == null ? null : body.workOrderId());
        return tagged(followUps.takeUp(Params.id("jobId", jobId), workOrderId, Params.ifMatch(ifMatch),
                RestActor.from(security)));
    }

    @POST
    @Path("{jobId}/dismiss")
    @RequiresPermission("workorder.job.decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "关闭跟进 Close a follow-up without work, with the reason", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Dismissing.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FollowUp.class))),
            @ApiResponse(responseCode = "400", description = "no reason"),
            @ApiResponse(responseCode = "409", description = "already closed (followup.closed)") })
    public FollowUp dismiss(@PathParam("jobId") String jobId, Dismissing body, @Context SecurityContext security) {
        return followUps.dismiss(Params.id("jobId", jobId), body == null ? null : body.reason(),
                RestActor.from(security));
    }
}
