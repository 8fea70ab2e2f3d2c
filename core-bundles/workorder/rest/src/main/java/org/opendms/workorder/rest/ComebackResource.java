package org.opendms.workorder.rest;

import static org.opendms.workorder.rest.Replies.tagged;

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
import org.opendms.workorder.api.QualityControl;
import org.opendms.workorder.api.WorkOrder;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/work-orders/{id}/comeback: the advisor's decision on a proposed comeback link (返修判定); thin over
 * {@link QualityControl}. Takes If-Match with the work order's ETag.
 */
@Component(service = ComebackResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/comeback")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "质检 Quality control")
public class ComebackResource {

    @Reference
    QualityControl qc;

    @POST
    @Path("confirm")
    @Operation(summary = "确认返修 Confirm the proposed comeback link (If-Match)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    @RequiresPermission("workorder.comeback.decide")
    public Response confirmComeback(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(qc.confirmComeback(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }

    @POST
    @Path("reject")
    @Operation(summary = "否认返修 Reject the proposed comeback link (If-Match)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = WorkOrder.class))))
    @RequiresPermission("workorder.comeback.decide")
    public Response rejectComeback(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context SecurityContext security) {
        return tagged(qc.rejectComeback(Params.id("id", id), Params.ifMatch(ifMatch), RestActor.from(security)));
    }
}
