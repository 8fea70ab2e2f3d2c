package org.opendms.parts.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A part's stock across warehouses: what the advisor asks (有货吗?) and the clerk looks up.
 *
 * @param warehouses one entry per warehouse the part has (had) stock or limits in, by warehouse code
 */
public record PartStock(Part part, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
        List<WarehouseStock> warehouses) {

    public PartStock {
        warehouses = List.copyOf(warehouses);
    }
}
