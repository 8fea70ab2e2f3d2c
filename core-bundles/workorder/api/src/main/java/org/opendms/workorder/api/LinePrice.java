package org.opendms.workorder.api;

import java.math.BigDecimal;

/**
 * A new price for a line.
 *
 * @param unitPrice yuan, 0 or more, at most 2 decimals; absent keeps the line's
 * @param discount  yuan taken off the line, 0 or more, at most 2 decimals, at most quantity × unit price; absent keeps
 *                  the line's
 * @param reason    why: required when the price needs the manager's approval, at most 200 characters
 */
public record LinePrice(BigDecimal unitPrice, BigDecimal discount, String reason) {
}
