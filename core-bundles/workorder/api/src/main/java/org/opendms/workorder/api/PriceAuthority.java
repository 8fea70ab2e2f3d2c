package org.opendms.workorder.api;

import java.math.BigDecimal;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Who may give what price (价格权限). A line priced below its list price ({@link ListPrices}: for labour the rate of the
 * job's pay type in the labour rate table), or with a discount above the role's limit (percent of quantity × unit
 * price, {@code discountLimits} in the configuration), needs the service manager:
 * <ul>
 * <li>a role with {@code workorder.price.approve} (the manager) sets it directly, saying why;</li>
 * <li>anyone else sends it as a {@link PriceRequest}, saying why: the line keeps the price it may have without approval
 * (a new line the list price and no discount) until the manager approves (the requested price then applies) or
 * rejects it, or the requester withdraws it. While a request is pending its job cannot be approved by the customer nor
 * dispatched, and the work order cannot be delivered (settled).</li>
 * </ul>
 * Every price set, request and decision is in the work order's timeline with who, when, the old and new price and
 * why. A line added through {@link Jobs#addLine} goes through the same rule ({@link LineDraft#reason()}).
 */
@ProviderType
public interface PriceAuthority {

    /**
     * Changes a line's unit price and/or discount (an absent value stays as it is), at the version read (CONFLICT
     * {@code stale_version} otherwise). A change that needs approval, by someone without the authority, becomes a
     * pending request and the line stays as it is; a newer request for the same line replaces a pending one
     * (withdrawn).
     * A price that applies withdraws the customer's approval of the job, as any changed line does.
     *
     * @throws DmsException INVALID_INPUT naming {@code unitPrice}, {@code discount} or {@code reason} (required when
     *                      the price needs approval); nothing changed
     */
    PriceOutcome setPrice(long id, long jobId, long lineId, long expectedVersion, LinePrice price, Actor actor);

    /**
     * The manager approves a pending request: the requested price applies to the line and the customer approves the
     * job again.
     *
     * @param reason required, at most 200 characters
     *
     * @throws DmsException CONFLICT {@code price.decided} when it is no longer pending; NOT_FOUND {@code requestId}
     */
    WorkOrder approve(long requestId, String reason, Actor actor);

    /** The manager refuses a pending request: the line keeps the price it has. {@code reason} required. */
    WorkOrder reject(long requestId, String reason, Actor actor);

    /** The requester (or anyone who may change prices) takes a pending request back; {@code reason} optional. */
    WorkOrder withdraw(long requestId, String reason, Actor actor);

    /** One request. @throws DmsException NOT_FOUND {@code requestId} */
    PriceRequest get(long requestId);

    /** Every request of a work order, newest first. @throws DmsException NOT_FOUND */
    List<PriceRequest> requests(long workOrderId);

    /** The pending requests of open work orders, oldest first: the manager's list. */
    Page<PriceRequest> pending(PageRequest page);

    /** The largest discount the actor gives without approval, in percent; null for no limit. */
    BigDecimal discountLimit(Actor actor);
}
