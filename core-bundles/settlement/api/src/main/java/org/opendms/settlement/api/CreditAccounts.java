package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/** 挂账: credit accounts of company customers, kept by the manager. */
@ProviderType
public interface CreditAccounts {

    /**
     * Opens the customer's account or changes its limit and terms (the manager).
     *
     * @param expectedVersion null to open a new account, else the version read
     *
     * @throws DmsException INVALID_INPUT {@code customerId} {@code not_company} for a private person,
     *                      {@code creditLimit}, {@code termsDays}; CONFLICT {@code stale_version}
     */
    CreditAccount save(long customerId, BigDecimal creditLimit, int termsDays, Long expectedVersion, Actor actor);

    /** @throws DmsException NOT_FOUND when the customer has no account */
    CreditAccount ofCustomer(long customerId);

    /** Every account, by customer id. */
    List<CreditAccount> all();
}
