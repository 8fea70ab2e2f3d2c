package org.opendms.customer.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Page;
import org.opendms.platform.api.PageRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The customer archive (客户档案). Every method either does all it says or changes nothing and throws a
 * {@link DmsException} naming the field and the reason. Who may call what is the platform's permission table
 * ({@code customer.*}); a refusal is a FORBIDDEN DmsException.
 */
@ProviderType
public interface CustomerService {

    /** Needs {@code customer.create}. */
    Customer create(CustomerDraft draft, Actor actor);

    /**
     * Replaces a customer's details; needs {@code customer.update}.
     *
     * @param expectedVersion the version the user read; if someone changed the customer since, nothing is written
     *                        and a CONFLICT tells the user to re-read
     */
    Customer update(long id, long expectedVersion, CustomerDraft draft, Actor actor);

    /**
     * The whole customer, for code that acts for no person (checks, listeners); a screen asks {@link #get(long,
     * Actor)}.
     *
     * @throws DmsException NOT_FOUND when there is no such customer
     */
    Customer get(long id);

    /**
     * The customer as the actor's role may see it ({@link CustomerField}); needs {@code customer.read}.
     *
     * @throws DmsException NOT_FOUND when there is no such customer
     */
    Customer get(long id, Actor actor);

    /** Every matching customer, every field; for code that acts for no person. Nothing is recorded. */
    Page<Customer> search(CustomerQuery query, PageRequest page);

    /**
     * A search for a person at a screen or console; needs {@code customer.read}. Digits match part of a mobile only
     * for {@code customer.search.mobile-digits} (others find a customer by the whole number, the name or the plate:
     * to them, a partial number matches no mobile); a whole mobile in any spelling (+86, spaces) matches exactly. A
     * search with text is recorded in the personal-data access record (who, when, the text masked, how many found);
     * the customers come as the actor's role may see them.
     */
    Page<Customer> search(CustomerQuery query, PageRequest page, Actor actor);

    /** The full mobile, for {@code customer.mobile.reveal}; the access is recorded. */
    Mobile revealMobile(long id, Actor actor);

    /** Who read or changed this customer's personal data, newest first; for {@code customer.access-log.read}. */
    List<PersonalDataAccess> personalDataAccess(long id, Actor actor);

    /**
     * The personal-data access record across customers, searches included, newest first; for
     * {@code customer.access-log.read}.
     *
     * @throws DmsException INVALID_INPUT {@code to} {@code before_from}
     */
    Page<PersonalDataAccessEntry> personalDataAccessLog(PersonalDataAccessQuery query, PageRequest page, Actor actor);
}
