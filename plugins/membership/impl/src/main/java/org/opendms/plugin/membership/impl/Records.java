package org.opendms.plugin.membership.impl;

import org.opendms.platform.api.Stored;
import org.opendms.plugin.membership.api.TierChange;
import org.opendms.plugin.membership.api.Balance;
import org.opendms.plugin.membership.api.Member;
import org.opendms.plugin.membership.api.StoredValueEntry;
import org.opendms.plugin.membership.api.StoredValueKind;

/** Entities to the API's records. */
final class Records {

    private Records() {
    }

    static Member member(MemberEntity e) {
        return new Member(e.id, e.memberNumber, e.customerId, e.tier, Stored.instant(e.joinedAt),
                Stored.instant(e.consentAt), e.consentBy, e.consentChannel, e.pinHash != null, e.active, e.version);
    }

    static Balance balance(MemberEntity m, BalanceEntity b) {
        return new Balance(m.id, m.memberNumber, b.principal, b.bonus, b.principal.add(b.bonus), b.version);
    }

    static StoredValueEntry entry(EntryEntity e) {
        return new StoredValueEntry(e.id, e.memberId, StoredValueKind.valueOf(e.kind), e.principal, e.bonus,
                e.principalAfter, e.bonusAfter, e.settlementId, e.reference, e.reason, Stored.instant(e.at), e.by);
    }

    static TierChange tierChange(TierChangeEntity c) {
        return new TierChange(c.memberId, c.from, c.to, c.spend, Stored.instant(c.at));
    }
}
