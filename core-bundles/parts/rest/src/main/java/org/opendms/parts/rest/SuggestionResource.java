package org.opendms.parts.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.opendms.parts.api.purchasing.OrderSuggestion;
import org.opendms.parts.api.purchasing.OrderSuggestions;
import org.opendms.parts.api.purchasing.PartDemand;
import org.opendms.parts.api.purchasing.PurchaseOrder;
import org.opendms.parts.api.purchasing.SuggestedLine;
import org.opendms.parts.rest.internal.Xlsx;
import org.opendms.platform.api.DmsException;
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

/** /api/parts/suggestions: what a warehouse should order (补货建议), and a draft purchase order from it in one step. */
@Component(service = SuggestionResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "采购 Purchasing")
public class SuggestionResource {

    @Reference
    OrderSuggestions suggestions;

    /**
     * @param lines the parts to order (quantity absent: the suggested one); absent or empty: every current suggestion
     *              whose cheapest supplier is this one
     */
    public record ToOrder(Long warehouseId, Long supplierId, List<SuggestedLine> lines) {
    }

    @GET
    @Operation(summary = "补货建议 Order suggestions of a warehouse from min/max, reorder point, reservations and what is on order", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = OrderSuggestion.class)))))
    @RequiresPermission("parts.po.read")
    public List<OrderSuggestion> suggest(
            @Parameter(description = "warehouse id", required = true) @QueryParam("warehouseId") String warehouseId,
            @Context SecurityContext security) {
        return suggestions.suggest(warehouse(warehouseId), RestActor.from(security));
    }

    @GET
    @Path("demand")
    @Operation(summary = "需求预测 Next month's demand of every part the warehouse issued in two years, with the method"
            + " and its backtest error", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = PartDemand.class)))))
    @RequiresPermission("parts.po.read")
    public List<PartDemand> demand(
            @Parameter(description = "warehouse id", required = true) @QueryParam("warehouseId") String warehouseId,
            @Context SecurityContext security) {
        return suggestions.demand(warehouse(warehouseId), RestActor.from(security));
    }

    @GET
    @Path("demand/export")
    @Produces({ Xlsx.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "导出需求预测 The demand forecast as xlsx: one row per part, its 24 months, forecast, method and"
            + " error", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))))
    @RequiresPermission("parts.po.read")
    public Response exportDemand(
            @Parameter(description = "warehouse id", required = true) @QueryParam("warehouseId") String warehouseId,
            @Context SecurityContext security) {
        List<PartDemand> demand = suggestions.demand(warehouse(warehouseId), RestActor.from(security));
        List<String> headers = new ArrayList<>(List.of("配件号 (Part number)", "名称 (Name)", "下月预测 (Forecast)",
                "方法 (Method)", "平均绝对误差 (Mean absolute error)", "相对误差 (Relative error)", "回测月数 (Months measured)"));
        if (!demand.isEmpty()) {
            demand.get(0).months().forEach(m -> headers.add(m.toString()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (PartDemand d : demand) {
            List<Object> row = new ArrayList<>(
                    List.of(d.partNumber(), d.partName(), d.forecast(), methodZh(d.method())));
            row.add(d.error());
            row.add(d.relativeError());
            row.add(d.backtestMonths());
            row.addAll(d.monthly());
            rows.add(row);
        }
        byte[] bytes = Xlsx.write(List.of(new Xlsx.SheetData("需求预测 Demand", headers, rows)));
        return Response.ok(bytes, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"demand-" + warehouseId + ".xlsx\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    static String methodZh(String method) {
        return switch (method) {
        case "MOVING_AVERAGE_3" -> "三月移动平均 (3-month average)";
        case "CROSTON_SBA" -> "间歇需求法 (Croston/SBA)";
        default -> "历史不足 (too little history)";
        };
    }

    private static long warehouse(String warehouseId) {
        if (warehouseId == null || warehouseId.isEmpty()) {
            throw DmsException.invalid("warehouseId", "required", "请选择仓库", "warehouseId is required");
        }
        return Params.id("warehouseId", warehouseId);
    }

    @POST
    @Path("purchase-orders")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "按建议生成采购单 Draft a purchase order to a supplier from the suggestions", requestBody = @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ToOrder.class))), responses = {
            @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PurchaseOrder.class))),
            @ApiResponse(responseCode = "400", description = "nothing to suggest from the supplier, or a part without its price") })
    @RequiresPermission("parts.po.edit")
    public Response toOrder(ToOrder body, @Context SecurityContext security, @Context UriInfo uri) {
        if (body == null || body.warehouseId() == null || body.supplierId() == null) {
            throw DmsException.invalid(body == null || body.warehouseId() == null ? "warehouseId" : "supplierId",
                    "required", "请选择仓库和供应商", "warehouseId and supplierId are required");
        }
        PurchaseOrder o = suggestions.toPurchaseOrder(body.warehouseId(), body.supplierId(), body.lines(),
                RestActor.from(security));
        URI location = uri.getBaseUriBuilder().path("parts/purchase-orders").path(Long.toString(o.id())).build();
        return Response.created(location).tag(Long.toString(o.version())).entity(o).build();
    }
}
