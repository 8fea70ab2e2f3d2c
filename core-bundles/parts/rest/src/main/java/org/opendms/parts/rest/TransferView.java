package org.opendms.parts.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.opendms.parts.api.TransferStatus;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The OpenAPI shape of {@link org.opendms.parts.api.Transfer}, field for field: its nested record is called Line, a
 * schema name the work-order API already uses for something else, and one name has one definition in /api/openapi.json.
 */
@Schema(name = "Transfer")
record TransferView(long id, String number, long fromWarehouseId, long toWarehouseId, TransferStatus status,
        List<TransferLineView> lines, String reason, String sentBy, Instant sentAt, String receivedBy,
        Instant receivedAt, long version) {

    /** @param unitCost the cost it left with; null for roles that do not see costs */
    @Schema(name = "TransferredLine")
    record TransferLineView(long partId, String partNumber, BigDecimal quantity, BigDecimal unitCost) {
    }
}
