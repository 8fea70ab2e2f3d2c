package org.opendms.printing.rest;

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
import org.opendms.printing.api.EBillLink;
import org.opendms.printing.api.EBills;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A new e-bill link for a work order, to send to the customer (by SMS or WeChat) without printing the bill. */
@Component(service = EBillLinkResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/e-bill")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "打印 Printing")
public class EBillLinkResource {

    @Reference
    EBills eBills;

    @POST
    @Operation(summary = "电子结算单链接 A new e-bill link for the customer (the token is shown once)", responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EBillLink.class))),
            @ApiResponse(responseCode = "404", description = "no such work order") })
    @RequiresPermission("print.bill")
    public Response issue(@Parameter(description = "工单 id work-order id", required = true) @PathParam("id") String id,
            @Context SecurityContext security) {
        EBillLink link = eBills.issue(Params.id("id", id), RestActor.from(security));
        return Response.status(201).entity(link).header("Cache-Control", "no-store").build();
    }
}
