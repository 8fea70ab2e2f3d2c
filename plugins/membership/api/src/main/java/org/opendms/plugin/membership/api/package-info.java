/**
 * The membership plugin (会员): customers who joined with their consent, each with a member number, and their stored
 * value (储值卡). The balance is kept as principal (money the customer paid: the shop owes it, a liability) and bonus
 * (given on top of a top-up: not owed in cash); every movement is an entry of a ledger that is never edited. Paying
 * with
 * stored value needs the member's confirmation: an {@link org.opendms.plugin.membership.api.Authorisation} given
 * against
 * the member's PIN, named as the reference of the {@code STORED_VALUE} tender at the cashier.
 * <p>
 * Every refusal is an {@code org.opendms.platform.api.DmsException} naming the field, in Chinese and English, and
 * changes nothing.
 * <p>
 * 1.1.0: {@link org.opendms.plugin.membership.api.MemberTiers}: what each tier gives off the member's bills
 * ({@link org.opendms.plugin.membership.api.TierBenefit}) and tiers bought
 * ({@link org.opendms.plugin.membership.api.TierPurchase}).
 */
@Export
@Version("1.1.0")
package org.opendms.plugin.membership.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
