package org.opendms.plugin.insurance.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Motor insurance policies per vehicle and the renewal list. Every method either does all it says or changes nothing
 * and throws a {@link DmsException} naming the field and the reason. Who may call what is the platform's permission
 * table, where the plugin adds its {@code insurance.*} permissions.
 */
@ProviderType
public interface InsuranceService {

    /** Renewal list bounds: how far ahead one may look, in days. */
    int WINDOW_MIN_DAYS = 1;
    int WINDOW_MAX_DAYS = 365;
    /** How long after its end a policy that was not renewed stays on the renewal list, in days. */
    int EXPIRED_SHOWN_DAYS = 30;

    /**
     * @throws DmsException INVALID_INPUT naming every wrong field (an unknown vehicle included), CONFLICT when the
     *                      insurer already has this policy number or the vehicle already has a policy of this kind
     *                      on one of the days, FORBIDDEN without {@code insurance.policy.create}
     */
    Policy create(PolicyDraft draft, Actor actor);

    /**
     * Replaces a policy's details.
     *
     * @param expectedVersion the version the user read; if someone changed the policy since, nothing is written and a
     *                        CONFLICT ({@code stale_version}) tells the user to re-read
     */
    Policy update(long id, long expectedVersion, PolicyDraft draft, Actor actor);

    /** @throws DmsException NOT_FOUND when there is no such policy, FORBIDDEN without {@code insurance.policy.read} */
    Policy get(long id, Actor actor);

    /** Policies matching the query, latest end date first. */
    Page<Policy> find(PolicyQuery query, PageRequest page, Actor actor);

    /**
     * The renewal list, sorted by end date: policies ending between {@value #EXPIRED_SHOWN_DAYS} days ago and
     * {@code days} from today (the shop's today) that no later policy of the same kind for the same vehicle follows,
     * and vehicles whose insurance due date in the vehicle file falls in that range and that have no policy on file
     * ending on or after it.
     *
     * @param days how far ahead to look, {@value #WINDOW_MIN_DAYS}–{@value #WINDOW_MAX_DAYS}; null for the configured
     *             {@link #renewalWindowDays()}
     */
    List<RenewalDue> renewals(Integer days, Actor actor);

    /** The configured look-ahead of the renewal list, in days. */
    int renewalWindowDays();

    /** The insurers named on policies so far, in alphabetical order, for pick lists and completion. */
    List<String> insurers();
}
