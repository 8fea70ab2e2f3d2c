package org.opendms.parts.api.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The parts figures of a period, with their inputs.
 * <ul>
 * <li>A <b>line requested</b> is a work-order part line that reserved stock in one of the warehouses for the first time
 * in the period (its job was approved); a line counts once, on the day of its first reservation, however often it is
 * reserved again.</li>
 * <li>It is <b>filled from stock at once</b> when that first reservation got all it asked for (no shortfall).</li>
 * <li>A line is <b>ordered urgently</b> when a part was ordered for that work-order line in the period (the car waits
 * for it: 工单急件; with warehouses named, the line counts where it reserved), and each line without a work order of
 * a purchase order marked urgent (紧急订货) that was sent in the period and not cancelled (with warehouses named, the
 * order's warehouse). Replenishment orders never count here.</li>
 * <li>The <b>cost of parts issued</b> is the ledger's issue rows to work orders less the returns from them, at the
 * cost each row recorded (moving average at the time), yuan.</li>
 * <li>The <b>average inventory value</b> is (opening value + closing value) ÷ 2, the usual 平均库存 of 库存周转率: the
 * opening value is the stock on hand × moving-average cost after the last ledger row before the first day, the
 * closing value the same after the last row of the last day, summed over parts and the warehouses.</li>
 * </ul>
 *
 * @param warehouseIds          the warehouses counted (empty: all)
 * @param linesRequested        work-order part lines requested (first reserved) in the period
 * @param linesFilledAtOnce     of them, lines whose first reservation had no shortfall
 * @param linesOrderedUrgently  work-order lines a part was ordered for in the period, plus the lines of urgent
 *                              purchase orders sent in it
 * @param costOfPartsIssued     issues to work orders less returns, at recorded cost, yuan (null without
 *                              {@code parts.cost.read})
 * @param openingValue          inventory value at the start of the first day, yuan (null without cost)
 * @param closingValue          inventory value at the end of the last day, yuan (null without cost)
 * @param averageInventoryValue (opening + closing) ÷ 2, yuan (null without cost)
 * @param fillRate              linesFilledAtOnce ÷ linesRequested, 4 decimals (null when nothing was requested)
 * @param urgentOrderRate       linesOrderedUrgently ÷ linesRequested, 4 decimals (null when nothing was requested)
 * @param turnover              costOfPartsIssued ÷ averageInventoryValue for the period (not annualised), 4 decimals
 *                              (null without cost or when the average is 0)
 */
public record PartsFigureSheet(LocalDate from, LocalDate to, List<Long> warehouseIds, long linesRequested,
        long linesFilledAtOnce, long linesOrderedUrgently, BigDecimal costOfPartsIssued, BigDecimal openingValue,
        BigDecimal closingValue, BigDecimal averageInventoryValue, BigDecimal fillRate, BigDecimal urgentOrderRate,
        BigDecimal turnover) {
}
