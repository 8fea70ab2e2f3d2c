package org.opendms.parts.rest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.opendms.parts.api.figures.PartsFigureSheet;
import org.opendms.parts.api.figures.PartsFigures;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.ParamReader;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
import org.opendms.platform.rest.api.RestActor;
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

/** /api/parts/figures: the parts figures of a period for the KPI pack; thin over {@link PartsFigures}. */
@Component(service = FiguresResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/figures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "采购 Purchasing")
public class FiguresResource {

    @Reference
    PartsFigures figures;

    @GET
    @Operation(summary = "配件经营指标 Lines requested, filled from stock at once and ordered urgently; cost of parts issued;"
            + " average inventory value ((opening + closing) ÷ 2)", responses = @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PartsFigureSheet.class))))
    @RequiresPermission("parts.figures.read")
    public PartsFigureSheet figures(
            @Parameter(description = "first day, yyyy-MM-dd (included)", required = true) @QueryParam("from") String from,
            @Parameter(description = "last day, yyyy-MM-dd (included)", required = true) @QueryParam("to") String to,
            @Parameter(description = "warehouse id, repeatable (absent: all)") @QueryParam("warehouseId") List<String> warehouseIds,
            @Context SecurityContext security) {
        // every bad parameter named in one refusal, not the first one checked
        ParamReader read = new ParamReader();
        LocalDate first = read.value(() -> Params.day("from", from));
        LocalDate last = read.value(() -> Params.day("to", to));
        List<Long> ids = new ArrayList<>();
        if (warehouseIds != null) {
            for (String raw : warehouseIds) {
                ids.add(read.value(() -> Params.id("warehouseId", raw)));
            }
        }
        // the service's own checks (a missing day, a period backwards or too long, an unknown warehouse) join the
        // parameters' in one refusal; a parameter already named is not named twice
        try {
            PartsFigureSheet sheet = figures.figures(first, last, ids, RestActor.from(security));
            read.refuseIfAny();
            return sheet;
        } catch (DmsException e) {
            if (e.kind() != DmsException.Kind.INVALID_INPUT || read.violations().isEmpty()) {
                throw e;
            }
            Set<String> named = read.violations().list().stream().map(Violation::field).collect(Collectors.toSet());
            e.violations().stream().filter(v -> !named.contains(v.field())).forEach(read.violations()::add);
            read.refuseIfAny();
            throw e;
        }
    }
}
