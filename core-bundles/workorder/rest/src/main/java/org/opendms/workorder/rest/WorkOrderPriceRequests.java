package org.opendms.workorder.rest;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.workorder.api.PriceAuthority;
import org.opendms.workorder.api.PriceRequest;
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

/** /api/work-orders/{id}/price-requests: every price request of a work order, newest first. */
@Component(service = WorkOrderPriceRequests.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/price-requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "改价审批 Price requests")
public class WorkOrderPriceRequests {

    @Reference
    PriceAuthority prices;

    @GET
    @RequiresPermission("workorder.read")
    @Operation(summary = "工单的改价申请 A work order's price requests, pending and decided, newest first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = PriceRequest.class)))))
    public List<PriceRequest> requests(@PathParam("id") String id) {
        return prices.requests(Params.id("id", id));
    }
}
