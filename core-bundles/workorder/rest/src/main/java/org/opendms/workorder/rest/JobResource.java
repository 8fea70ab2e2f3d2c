package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.tagged;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.opendms.workorder.api.ApprovalDraft;
import org.opendms.workorder.api.JobDraft;
import org.opendms.workorder.api.Jobs;
import org.opendms.workorder.api.Line;
import org.opendms.workorder.api.LineDraft;
import org.opendms.workorder.api.PriceAuthority;
import org.opendms.workorder.api.PriceRequest;
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
 * /api/work-orders/{id}/jobs: the jobs of a work order, their lines, and the customer's approval or refusal of each;
 * thin over {@link Jobs}. Every change takes If-Match with the work order's ETag.
 */
@Component(service = JobResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "维修工单 Work orders")
public class JobResource {

    @Reference
    Jobs jobs;

    /** A line added below its list price or above the discount limit becomes a price request. */
    @Reference
    PriceAuthority prices;

    /** The cause the technician found and the correction done; each optional, null or blank clears it. */
    public record Finding(String cause, String correction) {
    }

    /** Why the customer declined a job. */
    public record Declining(String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "增加项目 Add a job (during repair: an add-on that must be approved) (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = JobDraft.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    @RequiresPermission("workorder.job.add")
    public Response addJob(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            JobDraft draft,
            @Context SecurityContext security) {
        return tagged(jobs.addJob(Params.id("id", id), Params.ifMatch(ifMatch), draft, RestActor.from(security)));
    }

    @POST
    @Path("{jobId}/lines")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "增加明细 Add a labour, part, sublet or fee line to a job (If-Match); 202 when its price waits for the manager", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LineDraft.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "202", description = "added at the price the role may give; the rest is a"
                    + " price request for the manager, named by Location", content = @Content(schema = @Schema(implementation = WorkOrder.class))) })
    @RequiresPermission("workorder.line.add")
    public Response addLine(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LineDraft draft, @Context SecurityContext security) {
        long job = Params.id("jobId", jobId);
        WorkOrder w = jobs.addLine(Params.id("id", id), job, Params.ifMatch(ifMatch), draft, RestActor.from(security));
        // below the list price or above the role's discount limit: the line waits for the manager (202, Location)
        long line = w.job(job).lines().stream().mapToLong(Line::id).max().orElse(0);
        return prices.requests(w.id()).stream()
                .filter(r -> r.lineId() == line && r.status() == PriceRequest.Status.PENDING).findFirst()
                .map(r -> Response.accepted(w).location(LinePriceResource.requestUri(r))
                        .tag(Long.toString(w.version())).build())
                .orElseGet(() -> tagged(w));
    }

    @DELETE
    @Path("{jobId}/lines/{lineId}")
    @Operation(summary = "删除明细 Remove a line not yet clocked on; an approved job needs the approval again (If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "404", description = "no such line on that job"),
            @ApiResponse(responseCode = "409", description = "clocked on (line.clocked), closed, or changed since read") })
    @RequiresPermission("workorder.line.remove")
    public Response removeLine(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @PathParam("lineId") String lineId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(jobs.removeLine(Params.id("id", id), Params.id("jobId", jobId), Params.id("lineId", lineId),
                Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("{jobId}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "客户拒绝 The customer declines a job: kept for follow-up, out of the totals (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Declining.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "409", description = "clocked on (job.clocked), already declined, closed, or"
                    + " changed since read") })
    @RequiresPermission("workorder.job.decline")
    public Response decline(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Declining declining, @Context SecurityContext security) {
        return tagged(jobs.declineJob(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch),
                declining == null ? null : declining.reason(), RestActor.from(security)));
    }

    @PUT
    @Path("{jobId}/findings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "故障原因和维修措施 Record the cause found and the correction done on a job (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Finding.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "409", description = "declined, closed, or changed since read") })
    @RequiresPermission("workorder.job.findings")
    public Response findings(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, Finding finding, @Context SecurityContext security) {
        return tagged(jobs.recordFindings(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch),
                finding == null ? null : finding.cause(), finding == null ? null : finding.correction(),
                RestActor.from(security)));
    }

    @POST
    @Path("{jobId}/approval")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "客户确认 Record the customer's approval of a job (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ApprovalDraft.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    @RequiresPermission("workorder.job.approve")
    public Response approve(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, ApprovalDraft draft, @Context SecurityContext security) {
        return tagged(jobs.approve(Params.id("id", id), Params.id("jobId", jobId), Params.ifMatch(ifMatch), draft,
                RestActor.from(security)));
    }
}
