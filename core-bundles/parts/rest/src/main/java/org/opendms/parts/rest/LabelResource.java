package org.opendms.parts.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.opendms.parts.api.Bin;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.rest.internal.LabelPdf;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.opendms.platform.rest.api.DmsRest;
import org.opendms.platform.rest.api.Params;
import org.opendms.platform.rest.api.RequiresPermission;
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

/**
 * /api/parts/labels: printable labels (PDF) with a QR code or a Code 128 barcode, for parts (the part number, which
 * the manufacturer's own barcode also carries) and for bins ({@code BIN:<warehouse>:<bin>}).
 */
@Component(service = LabelResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/labels")
@Tag(name = "配件 Parts")
public class LabelResource {

    static final String PDF = "application/pdf";
    /** Set when no CJK font was found: the labels then lack their Chinese text. */
    static final String FONT_WARNING = "DMS-Label-Warning";

    @Reference
    Catalogue catalogue;
    @Reference
    Warehouses warehouses;

    @GET
    @Path("parts")
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @Operation(summary = "配件标签 Labels of parts as PDF: number, name, brand and unit beside a QR code or under a barcode", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "400", description = "ids missing or wrong, copies out of range, symbology or layout unknown"),
            @ApiResponse(responseCode = "404", description = "no such part") })
    @RequiresPermission(Perms.CATALOGUE_READ)
    public Response parts(
            @Parameter(description = "配件编号，逗号分隔 part ids, comma-separated", required = true) @QueryParam("ids") String ids,
            @Parameter(description = "每个配件几张 copies of each, 1–100 (default 1)") @QueryParam("copies") String copies,
            @Parameter(description = "QR (default) or CODE128") @QueryParam("symbology") String symbology,
            @Parameter(description = "A4 (3 × 8 labels per sheet, default) or ROLL (one 60 × 40 mm label per page)") @QueryParam("layout") String layout) {
        // every parameter checked before refusing, so the refusal names each wrong one (not only a missing ids)
        List<Violation> wrong = new ArrayList<>();
        List<Long> partIds = checked(wrong, () -> ids("ids", ids));
        Integer n = checked(wrong, () -> copies("copies", copies));
        LabelPdf.Symbology s = checked(wrong, () -> LabelPdf.Symbology.of(symbology));
        LabelPdf.Layout l = checked(wrong, () -> LabelPdf.Layout.of(layout));
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        List<LabelPdf.Label> labels = new ArrayList<>();
        for (long id : partIds) {
            Part p = catalogue.get(id);
            String extra = join(p.brand(), p.category(), p.unit());
            for (int i = 0; i < n; i++) {
                labels.add(new LabelPdf.Label(p.number().printed(), List.of(p.number().printed(), p.name(), extra)));
            }
        }
        return pdf(LabelPdf.render(labels, s, l), "parts-labels.pdf");
    }

    @GET
    @Path("bins")
    @Produces({ PDF, MediaType.APPLICATION_JSON })
    @Operation(summary = "库位标签 Labels of bins as PDF: the chosen ones (binIds), or every active bin of a warehouse", responses = {
            @ApiResponse(responseCode = "200", content = @Content(mediaType = PDF, schema = @Schema(type = "string", format = "binary"))),
            @ApiResponse(responseCode = "400", description = "warehouse missing, binIds wrong, symbology or layout unknown"),
            @ApiResponse(responseCode = "404", description = "no such bin") })
    @RequiresPermission(Perms.STOCK_READ)
    public Response bins(
            @Parameter(description = "仓库编号 warehouse id (required unless binIds are given)") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "仓库代码 warehouse code (instead of the id)") @QueryParam("warehouse") String warehouse,
            @Parameter(description = "库位编号，逗号分隔 bin ids, comma-separated; absent: every active bin") @QueryParam("binIds") String binIds,
            @Parameter(description = "QR (default) or CODE128") @QueryParam("symbology") String symbology,
            @Parameter(description = "A4 (default) or ROLL") @QueryParam("layout") String layout) {
        // every parameter checked before refusing, so the refusal names each wrong one (not only a missing warehouse);
        // chosen bins name their own warehouses, so the warehouse is needed only for "every active bin"
        List<Violation> wrong = new ArrayList<>();
        List<Long> chosen = binIds == null || binIds.isBlank() ? null : checked(wrong, () -> ids("binIds", binIds));
        Long wid = checked(wrong, () -> PartResource.optionalId("warehouseId", warehouseId));
        boolean named = wid != null || (warehouse != null && !warehouse.isBlank());
        Warehouse w = named || binIds == null || binIds.isBlank()
                ? checked(wrong, () -> Scans.warehouse(warehouses, "warehouse", wid, warehouse))
                : null;
        LabelPdf.Symbology s = checked(wrong, () -> LabelPdf.Symbology.of(symbology));
        LabelPdf.Layout l = checked(wrong, () -> LabelPdf.Layout.of(layout));
        if (!wrong.isEmpty()) {
            throw DmsException.invalid(wrong);
        }
        List<Bin> bins = new ArrayList<>();
        if (chosen == null) {
            warehouses.bins(w.id()).stream().filter(Bin::active).filter(b -> b.id() != w.defaultBinId())
                    .forEach(bins::add);
        } else {
            for (long id : chosen) {
                Bin b = warehouses.bin(id);
                if (w != null && b.warehouseId() != w.id()) {
                    throw DmsException.invalid("binIds", "bin.other_warehouse",
                            "库位 " + id + " 不属于仓库 " + w.code(), "bin " + id + " is not in warehouse " + w.code());
                }
                bins.add(b);
            }
        }
        Map<Long, Warehouse> of = new HashMap<>();
        List<LabelPdf.Label> labels = bins.stream().map(b -> {
            Warehouse bw = of.computeIfAbsent(b.warehouseId(), warehouses::get);
            return new LabelPdf.Label(Scans.binCode(bw, b), List.of(b.code(), bw.code() + " " + bw.name(),
                    join(area("区", b.area()), area("架", b.shelf()), area("层", b.level()))));
        }).toList();
        return pdf(LabelPdf.render(labels, s, l), w == null ? "bin-labels.pdf" : "bin-labels-" + w.code() + ".pdf");
    }

    /** The value, or null with the refusal's violations added to {@code wrong} (other failures go through). */
    private static <T> T checked(List<Violation> wrong, Supplier<T> check) {
        try {
            return check.get();
        } catch (DmsException e) {
            if (e.kind() != DmsException.Kind.INVALID_INPUT) {
                throw e;
            }
            wrong.addAll(e.violations());
            return null;
        }
    }

    private static String area(String what, String v) {
        return v == null || v.isBlank() ? null : v + what;
    }

    private static String join(String... parts) {
        StringBuilder s = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                s.append(s.length() > 0 ? " · " : "").append(p);
            }
        }
        return s.toString();
    }

    private static Response pdf(LabelPdf.Result result, String fileName) {
        Response.ResponseBuilder r = Response.ok(result.pdf(), PDF)
                .header("Content-Disposition", "inline; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"")
                .header("X-Content-Type-Options", "nosniff");
        if (!result.cjkFont()) {
            r.header(FONT_WARNING, "no CJK font found: Chinese text left out (install fonts-wqy-microhei or set"
                    + " -Ddms.labels.font)");
        }
        return r.build();
    }

    static List<Long> ids(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            throw DmsException.invalid(field, "required", field + " 不能为空（逗号分隔的编号）",
                    field + " is required (comma-separated ids)");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            ids.add(Params.id(field, part.strip()));
            if (ids.size() > LabelPdf.MAX_LABELS) {
                throw DmsException.invalid(field, "too_many", "一次最多 " + LabelPdf.MAX_LABELS + " 个",
                        "at most " + LabelPdf.MAX_LABELS + " at a time");
            }
        }
        return List.copyOf(ids);
    }

    static int copies(String field, String raw) {
        Integer n = Params.integer(field, raw);
        if (n == null) {
            return 1;
        }
        if (n < 1 || n > 100) {
            throw DmsException.invalid(field, "out_of_range", field + " 应在 1 到 100 之间",
                    field + " must be between 1 and 100");
        }
        return n;
    }
}
