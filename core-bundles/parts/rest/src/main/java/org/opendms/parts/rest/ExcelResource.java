package org.opendms.parts.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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

import org.opendms.parts.api.Bin;
import org.opendms.parts.api.BinStock;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.LedgerQuery;
import org.opendms.parts.api.MovementDraft;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.PartStock;
import org.opendms.parts.api.Stock;
import org.opendms.parts.api.StockLedger;
import org.opendms.parts.api.StockMovement;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.WarehouseStock;
import org.opendms.parts.api.Warehouses;
import org.opendms.parts.rest.internal.Xlsx;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Violation;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * /api/parts/excel: shops migrating from spreadsheets import their parts list with opening stock, and export stock and
 * movements. A file with a wrong row imports nothing unless the user asks to skip bad rows; every problem is reported
 * with its row and column, in Chinese (English with Accept-Language: en).
 */
@Component(service = ExcelResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/excel")
@Tag(name = "配件 Parts")
public class ExcelResource {

    /** Bytes of an uploaded workbook at most. */
    static final int MAX_BYTES = 10 * 1024 * 1024;
    /** Rows in an export at most (an Excel sheet holds about a million; a shop's year of movements is far less). */
    static final int MAX_EXPORT_ROWS = 100_000;
    /** Row problems listed in a refusal at most; the count says how many more. */
    static final int MAX_ERRORS_LISTED = 200;
    /** The reference of opening-stock receipts in the ledger. */
    static final String REFERENCE = "期初库存 EXCEL";

    @Reference
    Catalogue catalogue;
    @Reference
    Warehouses warehouses;
    @Reference
    Stock stock;
    @Reference
    StockLedger ledger;
    @Reference
    ShopClock clock;

    /**
     * A row refused.
     *
     * @param row       its number in the sheet (the header is row 1)
     * @param column    the column's key (its Chinese header in message)
     * @param message   in Chinese: 第 5 行「单位」：不能为空
     * @param messageEn the same in English
     */
    public record RowProblem(int row, String column, String code, String message, String messageEn) {
    }

    /** A part imported, with the posting of its opening stock if any. */
    public record ImportedPart(int row, long partId, String partNumber, BigDecimal openingQuantity) {
    }

    /**
     * @param rows      data rows read
     * @param imported  parts added (0 on a dry run)
     * @param skipped   rows left out for their problems (skipBadRows)
     * @param postingId the posting of the opening stock, if any
     * @param problems  every problem found (the rows skipped, or all of them on a dry run)
     */
    public record ImportReport(boolean dryRun, int rows, int imported, int skipped, Long postingId,
            List<ImportedPart> parts, List<RowProblem> problems) {
    }

    @GET
    @Path("template")
    @Produces(Xlsx.MEDIA_TYPE)
    @Operation(summary = "导入模板 The import template (xlsx): one row per part, opening stock in the same row", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))))
    @RequiresPermission(Perms.IMPORT)
    public Response template() {
        return xlsx(PartsSheet.template(), "parts-import-template.xlsx");
    }

    @POST
    @Path("import")
    @Consumes({ Xlsx.MEDIA_TYPE, MediaType.APPLICATION_OCTET_STREAM })
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "导入配件和期初库存 Import a parts list with opening stock from xlsx; a file with a wrong row imports nothing"
            + " unless skipBadRows=true", requestBody = @RequestBody(required = true, content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))), responses = {
                    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ImportReport.class))),
                    @ApiResponse(responseCode = "400", description = "not an xlsx, an unknown or missing column, or rows with problems"
                            + " (each error's field is rows[N].column, its message 第 N 行「列」：…); nothing imported") })
    @RequiresPermission(Perms.IMPORT)
    public ImportReport importSheet(
            @Parameter(description = "true: import the good rows and report the bad ones") @QueryParam("skipBadRows") String skipBadRows,
            @Parameter(description = "true: only check the file, import nothing") @QueryParam("dryRun") String dryRun,
            InputStream body, @Context SecurityContext security) {
        boolean skip = Boolean.TRUE.equals(Params.bool("skipBadRows", skipBadRows));
        boolean dry = Boolean.TRUE.equals(Params.bool("dryRun", dryRun));
        Actor actor = RestActor.from(security);
        byte[] file = read(body);
        if (file.length > MAX_BYTES) {
            throw DmsException.invalid("file", "file.too_large", "文件超过 10 MB", "the file is larger than 10 MB");
        }
        List<Xlsx.SheetRow> rows = Xlsx.read(file, PartsSheet.COLUMNS, PartsSheet.REQUIRED);
        if (rows.isEmpty()) {
            throw DmsException.invalid("file", "file.empty", "表头下没有数据行", "there are no rows under the header");
        }
        PartsSheet.Checked checked = PartsSheet.check(rows, lookups());
        List<RowProblem> problems = checked.errors().stream()
                .map(e -> new RowProblem(e.row(), e.column(), e.code(), e.message(), e.messageEn())).toList();
        if (dry) {
            return new ImportReport(true, checked.rows(), 0, 0, null, List.of(), problems);
        }
        if (!problems.isEmpty() && !skip) {
            List<Violation> v = new ArrayList<>();
            for (RowProblem p : problems.subList(0, Math.min(problems.size(), MAX_ERRORS_LISTED))) {
                v.add(new Violation("rows[" + p.row() + "]." + p.column(), p.code(), p.message(), p.messageEn()));
            }
            if (problems.size() > MAX_ERRORS_LISTED) {
                int more = problems.size() - MAX_ERRORS_LISTED;
                v.add(new Violation("file", "file.more_errors", "另有 " + more + " 处错误未列出",
                        more + " more problems not listed"));
            }
            v.add(new Violation("skipBadRows", "file.not_imported",
                    "文件有 " + problems.size() + " 处错误，未导入任何数据；改正后重新上传，或选择跳过错误行（skipBadRows=true）",
                    "the file has " + problems.size() + " problems and nothing was imported; correct them and upload"
                            + " again, or skip the bad rows (skipBadRows=true)"));
            throw DmsException.invalid(v);
        }
        int skippedRows = (int) problems.stream().mapToInt(RowProblem::row).distinct().count();
        List<ImportedPart> imported = new ArrayList<>();
        List<MovementDraft> opening = new ArrayList<>();
        for (PartsSheet.GoodRow g : checked.good()) {
            Part part;
            try {
                part = catalogue.add(g.draft(), actor);
            } catch (DmsException refused) {
                // a rule of the catalogue this sheet's checks do not know: stop here and say which rows went in
                throw partly(imported, g, refused);
            }
            imported.add(new ImportedPart(g.row(), part.id(), part.number().printed(), g.quantity()));
            if (g.quantity() != null) {
                // opening stock is received at the cost the shop paid: it averages in like any receipt
                opening.add(MovementDraft.receipt(part.id(), g.warehouse().id(), g.bin() == null ? null : g.bin().id(),
                        g.quantity(), g.unitCost(), REFERENCE).inBatch(g.batchNumber(), g.expiresOn()));
            }
        }
        Long postingId = null;
        if (!opening.isEmpty()) {
            postingId = ledger.post(opening, actor).id();
        }
        return new ImportReport(false, checked.rows(), imported.size(), skippedRows, postingId, imported, problems);
    }

    private static DmsException partly(List<ImportedPart> imported, PartsSheet.GoodRow g, DmsException refused) {
        List<Violation> v = new ArrayList<>();
        for (Violation r : refused.violations()) {
            v.add(new Violation("rows[" + g.row() + "]." + r.field(), r.code(),
                    "第 " + g.row() + " 行：" + r.messageZh(), "row " + g.row() + ": " + r.messageEn()));
        }
        if (!imported.isEmpty()) {
            v.add(new Violation("file", "file.partly_imported",
                    "第 " + g.row() + " 行之前的 " + imported.size() + " 个配件已导入（无期初库存），其余未导入",
                    imported.size() + " parts before row " + g.row()
                            + " were imported (without opening stock); the rest were not"));
        }
        return new DmsException(refused.kind(), v);
    }

    private PartsSheet.Lookups lookups() {
        return new PartsSheet.Lookups() {
            @Override
            public Optional<PartLookup> part(String number) {
                return catalogue.lookup(number);
            }

            @Override
            public Optional<Warehouse> warehouse(String code) {
                return code.length() > 20 ? Optional.empty() : warehouses.byCode(code);
            }

            @Override
            public Optional<Bin> bin(Warehouse warehouse, String code) {
                return code.length() > 30 ? Optional.empty() : warehouses.binByCode(warehouse.id(), code);
            }

            @Override
            public LocalDate today() {
                return clock.today();
            }
        };
    }

    @GET
    @Path("stock")
    @Produces({ Xlsx.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "导出库存 Stock as xlsx: per warehouse and part, with bins, on hand, reserved, available, limits"
            + " (and cost for roles that see it)", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))))
    @RequiresPermission(Perms.STOCK_READ)
    public Response exportStock(
            @Parameter(description = "仓库编号 warehouse id; absent: all") @QueryParam("warehouseId") String warehouseId,
            @Context SecurityContext security) {
        Long only = PartResource.optionalId("warehouseId", warehouseId);
        Actor actor = RestActor.from(security);
        List<Warehouse> scope = only == null ? warehouses.list() : List.of(warehouses.get(only));
        List<List<Object>> rows = new ArrayList<>();
        for (Warehouse w : scope) {
            for (int page = 0; rows.size() < MAX_EXPORT_ROWS; page++) {
                Page<PartStock> p = stock.inWarehouse(w.id(), null, new PageRequest(page, PageRequest.MAX_SIZE),
                        actor);
                for (PartStock ps : p.items()) {
                    for (WarehouseStock ws : ps.warehouses()) {
                        if (ws.warehouseId() != w.id()) {
                            continue;
                        }
                        List<Object> row = new ArrayList<>();
                        row.add(w.code());
                        row.add(ps.part().number().printed());
                        row.add(ps.part().name());
                        row.add(ps.part().brand());
                        row.add(ps.part().category());
                        row.add(ps.part().unit());
                        row.add(String.join("、", ws.bins().stream().map(b -> b.binCode() + "×"
                                + b.onHand().stripTrailingZeros().toPlainString()).toList()));
                        row.add(ws.onHand());
                        row.add(ws.reserved());
                        row.add(ws.available());
                        row.add(ws.inTransit());
                        row.add(ws.limits() == null ? null : ws.limits().minimum());
                        row.add(ws.limits() == null ? null : ws.limits().maximum());
                        row.add(ws.averageCost());
                        row.add(ws.value());
                        rows.add(row);
                    }
                }
                if (p.items().size() < PageRequest.MAX_SIZE) {
                    break;
                }
            }
        }
        List<String> headers = List.of("仓库 (Warehouse)", "配件号 (Part number)", "名称 (Name)", "品牌 (Brand)",
                "类别 (Category)", "单位 (Unit)", "库位 (Bins)", "在库 (On hand)", "已预留 (Reserved)", "可用 (Available)",
                "在途 (In transit)", "下限 (Minimum)", "上限 (Maximum)", "平均成本 (Average cost)", "金额 (Value)");
        return xlsx(Xlsx.write(List.of(new Xlsx.SheetData("库存 Stock", headers, rows))),
                "stock-" + clock.today() + ".xlsx");
    }

    @GET
    @Path("movements")
    @Produces({ Xlsx.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @Operation(summary = "导出库存流水 Ledger rows as xlsx, newest first: by part, warehouse, type, shop-local days (at most"
            + " 100,000 rows)", responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = Xlsx.MEDIA_TYPE, schema = @Schema(type = "string", format = "binary"))))
    @RequiresPermission(Perms.LEDGER_READ)
    public Response exportMovements(@Parameter(description = "配件编号 part id") @QueryParam("partId") String partId,
            @Parameter(description = "仓库编号 warehouse id") @QueryParam("warehouseId") String warehouseId,
            @Parameter(description = "流水类型 movement type") @QueryParam("type") String type,
            @Parameter(description = "from shop-local day, yyyy-MM-dd") @QueryParam("from") String from,
            @Parameter(description = "to shop-local day, yyyy-MM-dd (inclusive)") @QueryParam("to") String to,
            @Context SecurityContext security) {
        ZoneId zone = clock.zone();
        LocalDate toDay = Params.day("to", to);
        LedgerQuery query = new LedgerQuery(PartResource.optionalId("partId", partId),
                PartResource.optionalId("warehouseId", warehouseId), Forms.movementType(type), null,
                Forms.startOf(Params.day("from", from), zone),
                toDay == null ? null : Forms.startOf(toDay.plusDays(1), zone));
        Actor actor = RestActor.from(security);
        java.util.Map<Long, String> warehouseCodes = new java.util.HashMap<>();
        warehouses.list().forEach(w -> warehouseCodes.put(w.id(), w.code()));
        List<List<Object>> rows = new ArrayList<>();
        for (int page = 0; rows.size() < MAX_EXPORT_ROWS; page++) {
            Page<StockMovement> p = ledger.search(query, new PageRequest(page, PageRequest.MAX_SIZE), actor);
            for (StockMovement m : p.items()) {
                List<Object> row = new ArrayList<>();
                row.add(m.at() == null ? null : m.at().atZone(zone).toLocalDateTime());
                row.add(m.type().name());
                row.add(typeZh(m.type()));
                row.add(m.partNumber());
                row.add(warehouseCodes.getOrDefault(m.warehouseId(), Long.toString(m.warehouseId())));
                row.add(m.batchNumber());
                row.add(m.quantity());
                row.add(m.onHandAfter());
                row.add(m.unitCost());
                row.add(m.value());
                row.add(m.workOrderId());
                row.add(m.reference());
                row.add(m.reason());
                row.add(m.username());
                row.add(m.postingId());
                rows.add(row);
            }
            if (p.items().size() < PageRequest.MAX_SIZE) {
                break;
            }
        }
        List<String> headers = List.of("时间 (Time)", "类型 (Type)", "类型名称", "配件号 (Part number)", "仓库 (Warehouse)",
                "批号 (Batch)", "数量 (Quantity)", "结存 (On hand after)", "单位成本 (Unit cost)", "金额 (Value)",
                "工单 (Work order)", "单据号 (Reference)", "原因 (Reason)", "操作人 (User)", "过账号 (Posting)");
        return xlsx(Xlsx.write(List.of(new Xlsx.SheetData("流水 Movements", headers, rows))),
                "movements-" + clock.today() + ".xlsx");
    }

    static String typeZh(org.opendms.parts.api.MovementType type) {
        return switch (type) {
        case RECEIPT -> "入库";
        case ISSUE -> "领料";
        case RETURN -> "退料";
        case TRANSFER_OUT -> "调拨出库";
        case TRANSFER_IN -> "调拨入库";
        case ADJUSTMENT -> "盘点调整";
        case RETURN_TO_SUPPLIER -> "退供应商";
        case OLD_PART_KEPT -> "旧件入库";
        };
    }

    private static Response xlsx(byte[] bytes, String fileName) {
        return Response.ok(bytes, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] data = body.readNBytes(MAX_BYTES + 1);
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded workbook", e);
        }
    }
}
