package org.opendms.workorder.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The on-time delivery KPI (按时交车率) over the work orders delivered between two shop-local days.
 *
 * @param from      first delivery day counted; null for no bound
 * @param to        last delivery day counted; null for no bound
 * @param delivered work orders delivered in the range
 * @param promised  of them, those with a promised time
 * @param onTime    of those, delivered by the promised time
 * @param late      of those, delivered after it ({@code promised - onTime}); the late list holds them
 * @param rate      onTime ÷ promised, four decimals; null when none was promised
 */
public record OnTimeDelivery(LocalDate from, LocalDate to, long delivered, long promised, long onTime, long late,
        BigDecimal rate) {
}
