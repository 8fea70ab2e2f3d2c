package org.opendms.workorder.api;

import java.math.BigDecimal;

/**
 * A line of a job.
 *
 * @param type         required
 * @param code         labour: the operation code (工时代码) of an active operation of the labour catalogue; part: the part
 *                     number; optional for SUBLET and FEE; at most 40 letters, digits, '-', '.', '_' or '/'
 * @param description  labour: what is done, absent takes the operation's name; part: its name; required, at most 200
 *                     characters
 * @param quantity     labour: sold hours, absent takes the operation's flat-rate hours; part: quantity; more than 0, at
 *                     most 2 decimals, at most 9999
 * @param unitPrice    labour: rate per hour; absent takes the rate of the job's pay type from the configured labour
 *                     rate
 *                     table (refused as required when the table has none for it); yuan, 0 or more, at most 2 decimals
 * @param discount     yuan taken off this line, 0 or more, at most 2 decimals, not more than quantity × unit price;
 *                     absent means none
 * @param stockItemId  part lines only, optional: the stock item the part is issued from
 * @param reason       why the price is below the line's list price or the discount above the role's limit (see
 *                     {@link PriceAuthority}); required then, at most 200 characters, otherwise optional
 * @param specialOrder part lines only: a part ordered specially for this customer (客户专订件), not from the catalogue;
 *                     its part number is then not checked against the catalogue ({@link PartNumbers}) (since 3.1)
 */
public record LineDraft(LineType type, String code, String description, BigDecimal quantity, BigDecimal unitPrice,
        BigDecimal discount, Long stockItemId, String reason, boolean specialOrder) {

    /** A line as in 3.0, not a special order. */
    public LineDraft(LineType type, String code, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discount, Long stockItemId, String reason) {
        this(type, code, description, quantity, unitPrice, discount, stockItemId, reason, false);
    }

    /** A line without a reason for its price (2.1 and before). */
    public LineDraft(LineType type, String code, String description, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discount, Long stockItemId) {
        this(type, code, description, quantity, unitPrice, discount, stockItemId, null);
    }

    public static LineDraft labour(String operationCode, String description, String soldHours, String ratePerHour) {
        return new LineDraft(LineType.LABOUR, operationCode, description, new BigDecimal(soldHours),
                new BigDecimal(ratePerHour), null, null);
    }

    public static LineDraft part(String partNumber, String name, String quantity, String unitPrice, Long stockItemId) {
        return new LineDraft(LineType.PART, partNumber, name, new BigDecimal(quantity), new BigDecimal(unitPrice), null,
                stockItemId);
    }

    public LineDraft withDiscount(String yuan) {
        return new LineDraft(type, code, description, quantity, unitPrice, new BigDecimal(yuan), stockItemId, reason,
                specialOrder);
    }

    /** The same line with the reason for its price. */
    public LineDraft because(String why) {
        return new LineDraft(type, code, description, quantity, unitPrice, discount, stockItemId, why, specialOrder);
    }

    /** The same part line as a special order for this customer (客户专订件), not checked against the catalogue. */
    public LineDraft asSpecialOrder() {
        return new LineDraft(type, code, description, quantity, unitPrice, discount, stockItemId, reason, true);
    }
}
