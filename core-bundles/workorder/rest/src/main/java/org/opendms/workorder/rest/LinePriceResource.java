package org.opendms.workorder.rest;

import java.net.URI;

import javax.ws.rs.Consumes;
import javax.ws.rs.HeaderParam;
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
import org.opendms.workorder.api.LinePrice;
import org.opendms.workorder.api.PriceAuthority;
import org.opendms.workorder.api.PriceOutcome;
import org.opendms.workorder.api.PriceRequest;
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
 * /api/work-orders/{id}/jobs/{jobId}/lines/{lineId}/price: a line's unit price or discount changed (If-Match); below
 * the list price or above the role's discount limit it becomes a request for the service manager (202, Location of the
 * request). Thin over {@link PriceAuthority}.
 */
@Component(service = LinePriceResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/jobs/{jobId}/lines/{lineId}/price")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "改价审批 Price requests")
public class LinePriceResource {

    @Reference
    PriceAuthority prices;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "改价 Change a line's unit price or discount (If-Match); 202 when it waits for the manager", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = LinePrice.class))), responses = {
            @ApiResponse(responseCode = "200", description = "applied", content = @Content(schema = @Schema(implementation = PriceOutcome.class))),
            @ApiResponse(responseCode = "202", description = "a pending request for the manager; Location names it", content = @Content(schema = @Schema(implementation = PriceOutcome.class))),
            @ApiResponse(responseCode = "400", description = "a wrong unitPrice or discount, or no reason where one is"
                    + " needed (price.reason_required)") })
    @RequiresPermission("workorder.line.price")
    public Response setPrice(@PathParam("id") String id, @PathParam("jobId") String jobId,
            @PathParam("lineId") String lineId, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, LinePrice price,
            @Context SecurityContext security) {
        PriceOutcome outcome = prices.setPrice(Params.id("id", id), Params.id("jobId", jobId),
                Params.id("lineId", lineId), Params.ifMatch(ifMatch), price, RestActor.from(security));
        Response.ResponseBuilder reply = outcome.pending()
                ? Response.accepted(outcome).location(requestUri(outcome.request()))
                : Response.ok(outcome);
        return reply.tag(Long.toString(outcome.workOrder().version())).build();
    }

    /** Relative: JAX-RS resolves it against the application's base URI (…/api/). */
    static URI requestUri(PriceRequest r) {
        return URI.create("price-requests/" + r.id());
    }
}
