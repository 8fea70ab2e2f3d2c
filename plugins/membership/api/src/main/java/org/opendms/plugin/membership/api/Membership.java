package org.opendms.plugin.membership.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Members and their stored value. Permissions: {@code membership.member.read} (advisors see a member's balances at
 * reception), {@code membership.member.join}, {@code membership.topup} (the cashier sells top-ups),
 * {@code membership.refund} and {@code membership.adjust} (the manager, each with a reason).
 */
@ProviderType
public interface Membership {

    /** The method of the stored-value tender at the cashier. */
    String STORED_VALUE = "STORED_VALUE";

    /** A customer joins; refused without consent, for an unknown customer, or when already a member. */
    Member join(JoinRequest request, Actor actor);

    Member get(long memberId, Actor actor);

    Optional<Member> ofCustomer(long customerId, Actor actor);

    /** By the number on the card, as typed (case and spaces do not matter). */
    Optional<Member> byNumber(String memberNumber, Actor actor);

    Page<Member> list(PageRequest page, Actor actor);

    /** Sets or changes the PIN (6 digits); kept only as a salted slow hash. */
    Member setPin(long memberId, long expectedVersion, String pin, Actor actor);

    Balance balance(long memberId, Actor actor);

    /** Sells a top-up: principal plus bonus, one ledger entry. */
    StoredValueEntry topUp(long memberId, TopUpRequest request, Actor actor);

    /**
     * Pays back unused principal (退款) with the manager's approval: the bonus given with it goes too, in the proportion
     * of the balance. Never more principal than the balance holds.
     */
    StoredValueEntry refund(long memberId, BigDecimal principal, String reason, Actor actor);

    /**
     * A manual correction with a reason: {@code direction} ADD (增加) or DEDUCT (扣减) the given principal and/or bonus
     * (each ≥ 0); never below 0.
     */
    StoredValueEntry adjust(long memberId, String direction, BigDecimal principal, BigDecimal bonus, String reason,
            Actor actor);

    /** The member's ledger, newest first. */
    Page<StoredValueEntry> ledger(long memberId, PageRequest page, Actor actor);

    /**
     * The member confirms a payment of up to {@code amount} with the PIN; five wrong PINs in a row lock stored-value
     * payments of the member for 15 minutes. The code is valid for 10 minutes and once.
     */
    Authorisation authorise(long memberId, String pin, BigDecimal amount, Actor actor);

    /**
     * The stored value owed on a day's end (储值负债): principal and bonus over all members, from the ledger, so any
     * past day can be asked.
     */
    Liability liability(LocalDate day, Actor actor);

    /** The member's tier changes, newest first. */
    java.util.List<TierChange> tierChanges(long memberId, Actor actor);

    /**
     * Members by tier, the liability of the day, points outstanding, count cards sold versus used, campaign results
     * ({@code membership.report.read}).
     */
    MembershipSummary summary(LocalDate day, Actor actor);
}
