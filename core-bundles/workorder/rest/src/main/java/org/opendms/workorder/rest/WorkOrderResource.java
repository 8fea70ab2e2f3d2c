package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.day;
import static org.opendms.workorder.rest.Replies.tagged;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
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
import javax.ws.rs.core.UriInfo;

import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.workorder.api.OnTimeDelivery;
import org.opendms.workorder.api.Reception;
import org.opendms.workorder.api.ReceptionBrief;
import org.opendms.workorder.api.ReceptionDraft;
import org.opendms.workorder.api.StatusChange;
import org.opendms.workorder.api.TimelineEntry;
import org.opendms.workorder.api.WaitReason;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderFlow;
import org.opendms.workorder.api.WorkOrderQuery;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/work-orders: reception (open, reception brief), reads (one, search, history, timeline) and the status flow, thin
 * over {@link Reception}, {@link WorkOrders} and {@link WorkOrderFlow}, which hold every rule. A change takes If-Match
 * with the ETag read (409 when someone changed it since).
 */
@Component(service = WorkOrderResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "维修工单 Work orders")
public class WorkOrderResource {

    @Reference
    Reception reception;

    @Reference
    WorkOrders workOrders;

    @Reference
    WorkOrderFlow flow;

    /** The work order just opened, with what the advisor raises at reception beside it. */
    public record OpenedWorkOrder(@JsonUnwrapped WorkOrder workOrder, ReceptionBrief reception) {
    }

    /** The promised delivery time moved, and why. */
    public record PromiseMove(Instant promisedAt, String reason) {
    }

    /** A status move; {@code waitReason} only for WAITING. */
    public record StatusMove(WorkOrderStatus status, WaitReason waitReason, String note) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "接车开单 Open a work order by plate (an unknown plate registers the vehicle)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReceptionDraft.class))), responses = {
            @ApiResponse(responseCode = "201", description = "the work order's fields and its reception brief in"
                    + " \"reception\"", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "400", description = "a field is wrong"),
            @ApiResponse(responseCode = "409", description = "mileage lower than the last reading (confirm it), or the"
                    + " appointment is no longer booked") })
    @RequiresPermission("workorder.open")
    public Response open(ReceptionDraft draft, @Context SecurityContext security, @Context UriInfo uri) {
        WorkOrder opened = reception.open(draft, RestActor.from(security));
        URI location = uri.getAbsolutePathBuilder().path(Long.toString(opened.id())).build();
        return Response.created(location).tag(Long.toString(opened.version()))
                .entity(new OpenedWorkOrder(opened, reception.receptionBrief(opened.id()))).build();
    }

    @GET
    @Path("{id}/reception")
    @Operation(summary = "接车提示 Recent visits, maintenance, insurance and inspection due, possible comeback", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ReceptionBrief.class))),
            @ApiResponse(responseCode = "404", description = "no such work order") })
    @RequiresPermission("workorder.read")
    public ReceptionBrief reception(@PathParam("id") String id) {
        return reception.receptionBrief(Params.id("id", id));
    }

    @GET
    @Operation(summary = "查找工单 Search by plate, statuses, advisor, technician, customer, opening day; open=true: every"
            + " work order in the workshop; late=true: past the promised time (open, or delivered after it)", responses = {
                    @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of work orders (items, page, size, total)"),
                    @ApiResponse(responseCode = "400", description = "a parameter is wrong; the answer names it") })
    @RequiresPermission("workorder.read")
    public Page<WorkOrder> search(
            @Parameter(description = "车牌（可为部分） plate or part of it") @QueryParam("plate") String plate,
            @Parameter(description = "status, e.g. IN_REPAIR; repeat it or give a comma list for several") @QueryParam("status") List<String> status,
            @Parameter(description = "true: not completed, delivered or cancelled") @QueryParam("open") String open,
            @Parameter(description = "true: past the promised time") @QueryParam("late") String late,
            @Parameter(description = "客户姓名或手机号（全号；尾号限可查看手机号的角色；查找会被记录） customer name, or mobile whole or (for roles that may read mobiles) its last digits; recorded") @QueryParam("customer") String customer,
            @Parameter(description = "advisor username") @QueryParam("advisor") String advisor,
            @Parameter(description = "技师：派给他的项目或他打卡的工单 technician username: a job dispatched to him or labour he clocked") @QueryParam("technician") String technician,
            @Parameter(description = "opened on or after, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "opened on or before, yyyy-MM-dd") @QueryParam("to") String to,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        WorkOrderQuery query = new WorkOrderQuery(plate, null, advisor, technician, day("from", from), day("to", to),
                Replies.statuses(status), Boolean.TRUE.equals(Params.bool("open", open)),
                Boolean.TRUE.equals(Params.bool("late", late)), customer);
        return workOrders.search(query, request, RestActor.from(security));
    }

    @GET
    @Path("on-time")
    @RequiresPermission("workorder.read")
    @Operation(summary = "按时交车率 The on-time delivery KPI of the work orders delivered between two days", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OnTimeDelivery.class))),
            @ApiResponse(responseCode = "400", description = "a day is wrong, or to before from") })
    public OnTimeDelivery onTime(
            @Parameter(description = "delivered on or after, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "delivered on or before, yyyy-MM-dd") @QueryParam("to") String to) {
        return workOrders.onTimeDelivery(day("from", from), day("to", to));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "工单详情 Read a work order with jobs, lines and totals (ETag is the version)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "404", description = "no such work order") })
    @RequiresPermission("workorder.read")
    public Response get(@PathParam("id") String id) {
        return tagged(workOrders.get(Params.id("id", id)));
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "状态历史 Every status move with who and when", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = StatusChange.class)))))
    @RequiresPermission("workorder.read")
    public List<StatusChange> history(@PathParam("id") String id) {
        return workOrders.history(Params.id("id", id));
    }

    @GET
    @Path("{id}/timeline")
    @Operation(summary = "工单履历 Every step of the visit with who and when: opening, status, approvals, dispatch, clocks, QC", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = TimelineEntry.class)))))
    @RequiresPermission("workorder.read")
    public List<TimelineEntry> timeline(@PathParam("id") String id) {
        return workOrders.timeline(Params.id("id", id));
    }

    @POST
    @Path("{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "改变状态 Move the status (If-Match)", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "400", description = "no status, or a wait reason missing or not allowed"),
            @ApiResponse(responseCode = "409", description = "a move that is not allowed (illegal_transition), or changed since read") })
    @RequiresPermission({ "workorder.status.workshop", "workorder.status.close" })
    public Response status(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            StatusMove move,
            @Context SecurityContext security) {
        StatusMove m = move == null ? new StatusMove(null, null, null) : move;
        return tagged(flow.changeStatus(Params.id("id", id), Params.ifMatch(ifMatch), m.status(), m.waitReason(),
                m.note(), RestActor.from(security)));
    }

    @PUT
    @Path("{id}/promised-at")
    @RequiresPermission("workorder.open")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "更改约定交车时间 Move the promised time, with the reason (kept in the timeline) (If-Match)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = PromiseMove.class))), responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))),
            @ApiResponse(responseCode = "400", description = "promisedAt missing or in the past, reason missing"),
            @ApiResponse(responseCode = "409", description = "delivered or cancelled (status.final), or changed since read") })
    public Response promisedAt(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            PromiseMove move, @Context SecurityContext security) {
        PromiseMove m = move == null ? new PromiseMove(null, null) : move;
        return tagged(flow.changePromisedAt(Params.id("id", id), Params.ifMatch(ifMatch), m.promisedAt(), m.reason(),
                RestActor.from(security)));
    }
}
