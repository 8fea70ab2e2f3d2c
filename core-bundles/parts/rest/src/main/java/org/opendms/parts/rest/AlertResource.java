package org.opendms.parts.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.parts.api.Batch;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
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
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** /api/parts/alerts: below minimum, above maximum, batches expiring. */
@Component(service = AlertResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/alerts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "配件 Parts")
public class AlertResource {

    /** Stock rows read at most to find parts above their maximum. */
    static final int ABOVE_MAXIMUM_SCAN = 20_000;

    @Reference
    Stock stock;
    @Reference
    Warehouses warehouses;
    @Reference
    ShopClock clock;

    /** A part above its maximum in a warehouse: how much more than the maximum lies there. */
    public record AboveMaximum(long partId, String partNumber, String name, long warehouseId, String warehouseCode,
            BigDecimal onHand, BigDecimal maximum, BigDecimal excess) {
    }

    @GET
    @Path("below-minimum")
    @Operation(summary = "低于下限 Parts whose on hand is below their minimum, by part number", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of stock rows"))
    @RequiresPermission(Perms.STOCK_READ)
    public Page<WarehouseStock> belowMinimum(
            @Parameter(description = "仓库编号 warehouse id; absent: all") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size,
            @Context SecurityContext security) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        return stock.belowMinimum(PartResource.optionalId("warehouseId", warehouseId), request,
                RestActor.from(security));
    }

    @GET
    @Path("above-maximum")
    @Operation(summary = "超过上限 Parts whose on hand is above their maximum (tied-up money), by warehouse and part number", responses = @ApiResponse(responseCode = "200", content = @Content(array = @ArraySchema(schema = @Schema(implementation = AboveMaximum.class)))))
    @RequiresPermission(Perms.STOCK_READ)
    public List<AboveMaximum> aboveMaximum(
            @Parameter(description = "仓库编号 warehouse id; absent: all") @QueryParam("warehouseId") String warehouseId,
            @Context SecurityContext security) {
        Long only = PartResource.optionalId("warehouseId", warehouseId);
        Actor actor = RestActor.from(security);
        List<AboveMaximum> above = new ArrayList<>();
        List<Warehouse> scope = only == null ? warehouses.list() : List.of(warehouses.get(only));
        int read = 0;
        for (Warehouse w : scope) {
            for (int page = 0; read < ABOVE_MAXIMUM_SCAN; page++) {
                Page<PartStock> rows = stock.inWarehouse(w.id(), null, new PageRequest(page, PageRequest.MAX_SIZE),
                        actor);
                for (PartStock p : rows.items()) {
                    read++;
                    for (WarehouseStock ws : p.warehouses()) {
                        if (ws.warehouseId() == w.id() && ws.limits() != null && ws.limits().maximum() != null
                                && ws.onHand().compareTo(ws.limits().maximum()) > 0) {
                            above.add(new AboveMaximum(p.part().id(), p.part().number().printed(), p.part().name(),
                                    w.id(), w.code(), ws.onHand(), ws.limits().maximum(),
                                    ws.onHand().subtract(ws.limits().maximum())));
                        }
                    }
                }
                if (rows.items().size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
        }
        return above;
    }

    @GET
    @Path("expiring")
    @Operation(summary = "临期批次 Batches with stock expiring within the days given (expired ones included), first expiry first", responses = @ApiResponse(responseCode = "200", useReturnTypeSchema = true, description = "a page of batches"))
    @RequiresPermission(Perms.STOCK_READ)
    public Page<Batch> expiring(
            @Parameter(description = "days from today, 0–3650 (default 30)") @QueryParam("days") String days,
            @Parameter(description = "page, from 0") @QueryParam("page") String page,
            @Parameter(description = "page size, 1–200") @QueryParam("size") String size) {
        PageRequest request = PageRequest.of(Params.integer("page", page), Params.integer("size", size));
        Integer d = Params.integer("days", days);
        if (d != null && (d < 0 || d > 3650)) {
            throw DmsException.invalid("days", "out_of_range", "days 应在 0 到 3650 之间",
                    "days must be between 0 and 3650");
        }
        LocalDate until = clock.today().plusDays(d == null ? 30 : d);
        return stock.expiring(until, request);
    }
}
