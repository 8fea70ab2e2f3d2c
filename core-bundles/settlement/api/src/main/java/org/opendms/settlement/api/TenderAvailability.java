package org.opendms.settlement.api;

import java.math.BigDecimal;

/**
 * A plugin tender the cashier can use for one document, and how much of it (e.g. the member's stored value): what the
 * payment dialog offers beside core's methods. A plugin tender that cannot be used for the document is not listed.
 *
 * @since 1.3
 */
public record TenderAvailability(String method, String nameZh, String nameEn, BigDecimal available) {
}
