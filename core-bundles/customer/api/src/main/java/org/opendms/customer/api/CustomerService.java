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

    /** @throws DmsException NOT_FOUND when there is no such customer */
    Customer get(long id);

    Page<Customer> search(CustomerQuery query, PageRequest page);

    /** The full mobile, for {@code customer.mobile.reveal}; the access is recorded. */
    Mobile revealMobile(long id, Actor actor);

    /** Who read or changed this customer's personal data, newest first; for {@code customer.access-log.read}. */
    List<PersonalDataAccess> personalDataAccess(long id, Actor actor);
}
