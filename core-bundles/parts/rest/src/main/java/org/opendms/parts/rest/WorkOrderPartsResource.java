package org.opendms.parts.rest;

import java.math.BigDecimal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.parts.api.workorder.PickList;
import org.opendms.parts.api.workorder.WorkOrderParts;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
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
 * /api/parts/work-orders/{id}: a work order's pick list (领料单) and, against one of its part lines, the parts clerk's
 * issue (领料), return (退料) and order (为工单订货). Each answers with the pick list as it now stands. Thin over
 * {@link WorkOrderParts}.
 */
@Component(service = WorkOrderPartsResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/work-orders/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "工单领料 Work-order parts")
public class WorkOrderPartsResource {

    /** The pick list is read by everyone who reads parts (the technician too); the clerk issues. */
    static final String READ = "parts.read";
    static final String ISSUE = "parts.stock.issue";

    @Reference
    WorkOrderParts parts;

    /**
     * @param quantity more than 0; absent issues what the line still needs
     * @param binId    the bin taken from; absent: the bins holding it
     */
    public record IssueForm(BigDecimal quantity, Long binId) {
    }

    /** @param binId the bin it goes back to; absent: the warehouse's default bin */
    public record ReturnForm(BigDecimal quantity, Long binId, String reason) {
    }

    /** @param quantity absent orders what the line still lacks */
    public record OrderForm(BigDecimal quantity, String note) {
    }

    @GET
    @Path("pick-list")
    @Operation(summary = "领料单 The pick list: each approved part line with what it needs, reserved, issued, returned and its bins", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PickList.class))),
            @ApiResponse(responseCode = "404", description = "no such work order") })
    @RequiresPermission(READ)
    public PickList pickList(@PathParam("id") String id, @Context SecurityContext security) {
        return parts.pickList(Params.id("id", id), RestActor.from(security));
    }

    @POST
    @Path("lines/{lineId}/issue")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "领料 Issue a part line's part (its reservation first)", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = IssueForm.class))), responses = {
            @ApiResponse(responseCode = "200", description = "the pick list after the issue", content = @Content(schema = @Schema(implementation = PickList.class))),
            @ApiResponse(responseCode = "400", description = "a wrong quantity or bin; nothing posted"),
            @ApiResponse(responseCode = "409", description = "job not approved (line.not_approved), declined, not needed, fully issued,"
                    + " work order closed, not enough on hand (stock.insufficient); nothing posted") })
    @RequiresPermission(ISSUE)
    public PickList issue(@PathParam("id") String id, @PathParam("lineId") String lineId, IssueForm form,
            @Context SecurityContext security) {
        IssueForm f = form == null ? new IssueForm(null, null) : form;
        return Forms.oneLine(() -> parts.issue(Params.id("id", id), Params.id("lineId", lineId), f.quantity(),
                f.binId(), RestActor.from(security)));
    }

    @POST
    @Path("lines/{lineId}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "退料 Take back a part issued to a line (not more than it holds)", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ReturnForm.class))), responses = {
            @ApiResponse(responseCode = "200", description = "the pick list after the return", content = @Content(schema = @Schema(implementation = PickList.class))),
            @ApiResponse(responseCode = "400", description = "a wrong quantity, bin or reason; nothing posted"),
            @ApiResponse(responseCode = "409", description = "more than the line holds (return.exceeds_issued); nothing posted") })
    @RequiresPermission(ISSUE)
    public PickList giveBack(@PathParam("id") String id, @PathParam("lineId") String lineId, ReturnForm form,
            @Context SecurityContext security) {
        ReturnForm f = form == null ? new ReturnForm(null, null, null) : form;
        return Forms.oneLine(() -> parts.returnPart(Params.id("id", id), Params.id("lineId", lineId), f.quantity(),
                f.binId(), f.reason(), RestActor.from(security)));
    }

    @POST
    @Path("lines/{lineId}/order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "为工单订货 Order a part stock cannot fill; the work order waits for parts until it arrives", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = OrderForm.class))), responses = {
            @ApiResponse(responseCode = "200", description = "the pick list with the order", content = @Content(schema = @Schema(implementation = PickList.class))),
            @ApiResponse(responseCode = "409", description = "already ordered (order.open), covered by stock (order.not_needed), work order closed") })
    @RequiresPermission(ISSUE)
    public PickList order(@PathParam("id") String id, @PathParam("lineId") String lineId, OrderForm form,
            @Context SecurityContext security) {
        OrderForm f = form == null ? new OrderForm(null, null) : form;
        return parts.order(Params.id("id", id), Params.id("lineId", lineId), f.quantity(), f.note(),
                RestActor.from(security));
    }
}
