package org.opendms.settlement.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Settling work orders (结算), taking payment and reversing (红冲). A change takes the version the user read: if the
 * document changed since, nothing is written and CONFLICT {@code stale_version} tells the user to re-read. Every
 * change is in the audit trail; every refusal names its field in Chinese and English and changes nothing.
 */
@ProviderType
public interface Settlements {

    /**
     * Builds the work order's documents, one per payer with lines: each line's payer is its own (see
     * {@link SettleRequest#linePayers()}), else its job's, else the job's pay type (CUSTOMER → CUSTOMER, INSURANCE →
     * INSURER, WARRANTY → MANUFACTURER, INTERNAL → INTERNAL). Declined jobs and part lines marked not needed are not
     * billed. Documents of the work order that are not paid yet are void and replaced; a paid one must first be
     * reversed. A discount over the configured limit (share of the document's net) leaves the document
     * AWAITING_APPROVAL unless the actor may approve it. A document with nothing to pay is SETTLED at once.
     *
     * @return the new documents, CUSTOMER first
     *
     * @throws DmsException CONFLICT {@code workOrderId} {@code workorder.not_completed}, {@code settlement.paid}
     *                      (reverse first), {@code stale_version} (someone settled it meanwhile); INVALID_INPUT for a
     *                      discount, a payer of a job or line not on the work order, a rounding over the limit
     */
    List<Settlement> settle(SettleRequest request, Actor actor);

    /** @throws DmsException NOT_FOUND */
    Settlement get(long id);

    /** Every document of the work order, oldest first, voided and reversed ones included. */
    List<Settlement> forWorkOrder(long workOrderId);

    /**
     * The manager approves a discount over the limit; the document becomes OPEN (payable), the approval recorded.
     *
     * @throws DmsException CONFLICT {@code status} when it awaits no approval
     */
    Settlement approveDiscount(long id, long expectedVersion, Actor actor);

    /**
     * Takes the whole outstanding amount in one or more tenders, all or nothing: when any tender is refused (a
     * provider's transaction number used before, a deposit without enough left, credit over the limit for someone who
     * may not approve it, a plugin's tender failing) nothing of the payment is stored. Two payments of one document at
     * the same moment: one pays, the other gets CONFLICT.
     *
     * @return the document, SETTLED
     *
     * @throws DmsException INVALID_INPUT {@code tenders} {@code sum_mismatch} when the tenders do not add up to the
     *                      outstanding amount, and per tender ({@code tenders[1].reference} …); CONFLICT
     *                      {@code status} {@code settlement.not_open}, {@code stale_version}
     */
    Settlement pay(long id, long expectedVersion, List<TenderDraft> tenders, Actor actor);

    /**
     * 红冲: a new document with every amount negated and the refunds to the same tenders (cash back, the provider's
     * refund, the deposit and credit account restored, each plugin's tender refunded); the document is REVERSED and
     * the work order may be settled again.
     *
     * @param reason required, at most 200 characters
     *
     * @return the reversal document
     *
     * @throws DmsException CONFLICT {@code status} {@code settlement.not_settled}
     */
    Settlement reverse(long id, long expectedVersion, String reason, Actor actor);

    /**
     * The manager lets the car leave before its customer document is paid (先交车后付款), with why; recorded with who
     * and when, and in the audit trail.
     */
    void allowDeliveryUnpaid(long workOrderId, String reason, Actor actor);

    /**
     * The documents still to collect of cars let go before paying (先交车后付款): OPEN documents of work orders the
     * manager allowed to leave unpaid, oldest first, at most 200: the cashier's list of bills to chase. @since 1.2
     */
    List<Settlement> openAfterDelivery();

    /** The tender methods a payment may use now: core's and those of the running plugins. */
    List<TenderOption> tenderOptions();

    /**
     * The plugin tenders usable for this document and how much each could pay now (a member's balance, points), asked
     * of each running {@link TenderProvider}; a provider that fails is left out, never failing the cashier's dialog.
     * Needs {@code settlement.pay}.
     *
     * @since 1.3
     */
    List<TenderAvailability> availableTenders(long id, Actor actor);

    /**
     * Whether the work order may be delivered as far as settlement is concerned: empty when its customer document is
     * settled (or it has none) or a manager allowed delivery unpaid; otherwise the reasons.
     */
    List<Violation> deliveryRefusals(long workOrderId);
}
