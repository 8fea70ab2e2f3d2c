package org.opendms.printing.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.ParamReader;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.printing.api.Sheets;
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

/** A work order's printed sheets as PDF; thin over {@link Sheets}, which checks the permission of the kind. */
@Component(service = SheetResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("work-orders/{id}/sheets")
@Tag(name = "打印 Printing")
public class SheetResource {

    static final String PDF = "application/pdf";

    @Reference
    Sheets sheets;

    @GET
    @Path("{kind}")
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @Operation(summary = "打印单据 A work order's sheet as PDF: authorisation 委托书 (advisor), job-sheet 派工单 (foreman), "
            + "pick-list 领料单 (parts clerk), bill 结算单 (advisor, cashier), certificate 竣工出厂合格证 (advisor)", responses = {
                    @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))),
                    @ApiResponse(responseCode = "400", description = "kind or paper unknown, id not a number (each named)"),
                    @ApiResponse(responseCode = "403", description = "the role may not print this kind"),
                    @ApiResponse(responseCode = "404", description = "no such work order"),
                    @ApiResponse(responseCode = "409", description = "bill: not settled; certificate: not completed") })
    @RequiresPermission({ "print.authorisation", "print.job-sheet", "print.pick-list", "print.bill",
            "print.certificate" })
    public Response sheet(@Parameter(description = "工单 id work-order id", required = true) @PathParam("id") String id,
            @Parameter(description = "authorisation, job-sheet, pick-list, bill or certificate", required = true, schema = @Schema(allowableValues = {
                    "authorisation", "job-sheet", "pick-list", "bill", "certificate" })) @PathParam("kind") String kind,
            @Parameter(description = "纸张 A4 (default), A5 or 241 (241 mm continuous paper)", schema = @Schema(allowableValues = {
                    "A4", "A5", "241" })) @QueryParam("paper") String paper,
            @Context SecurityContext security) {
        ParamReader read = new ParamReader();
        Long workOrderId = read.value(() -> Params.id("id", id));
        SheetKind k = read.value(() -> SheetKind.of(kind));
        Paper p = read.value(() -> Paper.of(paper));
        read.refuseIfAny();
        byte[] pdf = sheets.print(k, workOrderId, p, RestActor.from(security));
        String file = k.slug() + "-" + workOrderId + "-" + p.code() + ".pdf";
        return Response.ok(pdf, PDF).header("Content-Disposition", "inline; filename=\"" + file + "\"")
                .header("Cache-Control", "no-store").build();
    }
}
