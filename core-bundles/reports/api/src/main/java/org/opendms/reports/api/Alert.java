package org.opendms.reports.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A rule that fired for a week (预警), recorded once per rule and week.
 *
 * @param from      the week's Monday
 * @param to        its Sunday
 * @param value     what the week measured (a share)
 * @param baseline  what it was compared with: the four weeks' average for a drop, else the rule's threshold
 * @param messageZh e.g. 本周进厂 12 台，比前四周平均 40 台下降 70.0%
 */
public record Alert(long id, String rule, LocalDate from, LocalDate to, BigDecimal value, BigDecimal baseline,
        BigDecimal threshold, String messageZh, String messageEn, Instant raisedAt) {
}
