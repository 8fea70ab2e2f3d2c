package org.opendms.plugin.membership.api;

import java.util.List;

import org.opendms.platform.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Count cards and packages (次卡/套餐卡). The manager defines products ({@code membership.rules.edit}); the cashier sells
 * them to members ({@code membership.card.sell}); at settlement a card pays for a matching job through the
 * {@code COUNT_CARD} tender (reference: the card number) and counts down; a reversal counts it up again.
 */
@ProviderType
public interface CountCards {

    /** The tender method of count cards at the cashier. */
    String COUNT_CARD = "COUNT_CARD";

    CardProduct define(CardProductDraft draft, Actor actor);

    CardProduct update(long productId, long expectedVersion, CardProductDraft draft, Actor actor);

    /** The products, by code; only those on sale when {@code activeOnly}. */
    List<CardProduct> products(boolean activeOnly, Actor actor);

    /** Sells a card of the product to the member, valid from today for the product's months. */
    CountCard sell(long memberId, CardSale sale, Actor actor);

    /** The member's cards, newest first, used up and expired ones included. */
    List<CountCard> ofMember(long memberId, Actor actor);

    /** The uses of a card, oldest first. */
    List<CardUse> uses(long cardId, Actor actor);
}
