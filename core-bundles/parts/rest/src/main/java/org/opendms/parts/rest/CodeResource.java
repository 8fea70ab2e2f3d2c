package org.opendms.parts.rest;

import java.util.Optional;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.opendms.parts.api.Bin;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.rest.api.DmsRest;
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
 * /api/parts/codes: what a scanned (or typed) code names, for any screen where a part number or a bin is typed:
 * receiving, issuing, counting. Part labels and manufacturers' barcodes carry the part number; bin labels
 * {@code BIN:<warehouse>:<bin>}.
 */
@Component(service = CodeResource.class)
@JaxrsResource
@JaxrsExtensionSelect({ DmsRest.SECURITY, DmsRest.JSON, DmsRest.PROBLEMS })
@Path("parts/codes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "配件 Parts")
public class CodeResource {

    @Reference
    Catalogue catalogue;
    @Reference
    Warehouses warehouses;

    /** What a code names. */
    public enum Kind {
        PART, BIN
    }

    /**
     * @param kind      PART or BIN
     * @param code      the code as read (scanner prefix and line end removed)
     * @param part      for PART: the part with its successors when superseded
     * @param warehouse for BIN: its warehouse
     * @param bin       for BIN: the bin
     */
    public record Resolved(Kind kind, String code, PartLookup part, Warehouse warehouse, Bin bin) {
    }

    @GET
    @Operation(summary = "扫码识别 What a scanned code names: a part (with its successors) or a bin", responses = {
            @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Resolved.class))),
            @ApiResponse(responseCode = "400", description = "no code given (scan required), or too long"),
            @ApiResponse(responseCode = "404", description = "no part or bin has this code (scan.unknown)") })
    @RequiresPermission(Perms.CATALOGUE_READ)
    public Resolved resolve(
            @Parameter(description = "扫描或输入的条码内容 the scanned text", required = true) @QueryParam("scan") String scan) {
        String code = Scans.clean(scan);
        if (code == null || code.isEmpty()) {
            throw DmsException.invalid("scan", "required", "请扫描或输入条码", "scan or type a code");
        }
        if (code.length() > 80) {
            throw DmsException.invalid("scan", "too_long", "条码内容过长（最多 80 个字符）",
                    "the code is too long (at most 80 characters)");
        }
        Optional<String[]> label = Scans.binLabel(code);
        if (label.isPresent()) {
            Optional<Warehouse> w = warehouses.byCode(label.get()[0]);
            Optional<Bin> bin = w.flatMap(found -> warehouses.binByCode(found.id(), label.get()[1]));
            if (bin.isPresent()) {
                return new Resolved(Kind.BIN, code, null, w.get(), bin.get());
            }
        } else if (code.length() <= 40) {
            Optional<PartLookup> part = catalogue.lookup(code);
            if (part.isPresent()) {
                return new Resolved(Kind.PART, code, part.get(), null, null);
            }
        }
        throw new DmsException(DmsException.Kind.NOT_FOUND,
                java.util.List.of(new org.opendms.platform.api.Violation("scan", "scan.unknown",
                        "没有配件或库位对应条码“" + code + "”", "no part or bin has the code '" + code + "'")));
    }
}
