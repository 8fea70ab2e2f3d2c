package org.opendms.settlement.api;

import java.math.BigDecimal;
import java.util.List;

import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.osgi.annotation.versioning.ProviderType;

/** 订金: taken at reception for an open work order, used by a payment of its documents (tender DEPOSIT). */
@ProviderType
public interface Deposits {

    /**
     * @param method CASH, BANK_CARD, WECHAT or ALIPAY (the provider's transaction number then required and unique)
     *
     * @throws DmsException INVALID_INPUT {@code amount}, {@code method}, {@code reference}; CONFLICT
     *                      {@code workOrderId} once the work order is delivered or cancelled
     */
    Deposit take(long workOrderId, BigDecimal amount, String method, String reference, Actor actor);

    /** The work order's deposits, oldest first. */
    List<Deposit> ofWorkOrder(long workOrderId);
}
