package org.opendms.parts.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.parts.api.purchasing.AbcClassification;
import org.opendms.parts.api.purchasing.DeadStock;
import org.opendms.parts.api.purchasing.StockAnalysis;
import org.opendms.parts.api.purchasing.StockLevelAlert;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/parts/analysis: stock alerts, dead stock and the ABC classification; thin over {@link StockAnalysis}. */
@Component(service = AnalysisResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/analysis")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "采购 Purchasing")
public class AnalysisResource {

    @Reference
    StockAnalysis analysis;

    /** @param months the consumption period, 1–36 (absent: 12) */
    public record AbcRequest(Integer months) {
    }

    @GET
    @Path("alerts")
    @Operation(summary = "库存预警 Below minimum, above maximum, batches expiring within expiryDays (or expired)", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = StockLevelAlert.class)))))
    @RequiresPermission("parts.analysis.read")
    public List<StockLevelAlert> alerts(
            @Parameter(description = "warehouse id (absent: all)") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "days ahead for expiring batches, 0–3650 (absent: 30)") @QueryParam("expiryDays") String expiryDays,
            @Context SecurityContext security) {
        Integer days = Params.integer("expiryDays", expiryDays);
        return analysis.alerts(PurchaseOrderResource.optionalId("warehouseId", warehouseId), days == null ? 30 : days,
                RestActor.from(security));
    }

    @GET
    @Path("dead-stock")
    @Operation(summary = "呆滞库存 Stock that has not moved for N months, most valuable first", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = DeadStock.class)))))
    @RequiresPermission("parts.analysis.read")
    public List<DeadStock> deadStock(
            @Parameter(description = "warehouse id (absent: all)") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "months without movement, 1–120 (absent: 6)") @QueryParam("months") String months,
            @Context SecurityContext security) {
        Integer m = Params.integer("months", months);
        return analysis.deadStock(PurchaseOrderResource.optionalId("warehouseId", warehouseId), m == null ? 6 : m,
                RestActor.from(security));
    }

    @GET
    @Path("abc")
    @Operation(summary = "ABC分类 The last ABC classification computed", responses = {
            @ApiResponse(responseCode = "200", description = "never computed yet: computedAt null and no parts", content = @Content(schema = @Schema(implementation = AbcClassification.class))) })
    @RequiresPermission("parts.analysis.read")
    public AbcClassification classification(@Context SecurityContext security) {
        // a shop that never classified has an empty classification, not a missing resource
        return analysis.classification(RestActor.from(security))
                .orElseGet(() -> new AbcClassification(null, null, null, null, java.util.List.of()));
    }

    @POST
    @Path("abc")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "重新计算ABC分类 Recompute the ABC classification from the consumption of the last months", requestBody = @RequestBody(content = @Content(schema = @Schema(implementation = AbcRequest.class))), responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AbcClassification.class))))
    @RequiresPermission("parts.analysis.compute")
    public AbcClassification classify(AbcRequest request, @Context SecurityContext security) {
        if (request == null) { // {} takes the last 12 months
            throw org.opendms.platform.api.DmsException.invalid("", "required",
                    "请提交计算范围（{\"months\":12}，或 {} 取近 12 个月）",
                    "send the period ({\"months\":12}, or {} for the last 12 months)");
        }
        return analysis.classify(request.months() == null ? 12 : request.months(), RestActor.from(security));
    }
}
