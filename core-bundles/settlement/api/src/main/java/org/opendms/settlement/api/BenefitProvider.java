package org.opendms.settlement.api;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A price benefit a plugin gives the customer's bill (会员折扣: a member tier's 10% off labour, say): registered as a
 * service, it is asked while a work order is settled, for the CUSTOMER document only. What it gives is taken off the
 * lines before the cashier's whole-bill discount, is named on the document ({@link Settlement#benefits()}), does not
 * count toward the cashier's discount limit (the shop set the rule), and is negated on a reversal like every amount.
 * <p>
 * A provider that throws, or offers more than a line's net or an amount with more than 2 decimals, is left out of
 * that bill (logged): a plugin never stops the cashier settling.
 *
 * @since 1.4
 */
@ConsumerType
public interface BenefitProvider {

    /** What the bill's lines would be without benefits; empty when nothing is given. */
    List<Benefit> benefits(BenefitContext context);
}
