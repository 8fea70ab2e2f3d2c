package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.EntityManager;
import javax.persistence.LockModeType;

import org.opendms.platform.api.DmsException;
import org.opendms.plugin.membership.api.StoredValueKind;

/**
 * Every movement of stored value goes through here: the member's balance row is locked (SELECT … FOR UPDATE), the
 * movement checked against it, the row updated and the ledger entry written, in the caller's transaction. Two cashiers
 * paying from one card at the same moment queue on the row; the second sees what the first left. The database's own
 * check (principal and bonus ≥ 0) is the last guard.
 */
final class StoredValueBook {

    private StoredValueBook() {
    }

    static BalanceEntity lock(EntityManager em, long memberId) {
        BalanceEntity b = em.find(BalanceEntity.class, memberId, LockModeType.PESSIMISTIC_WRITE);
        if (b == null) {
            throw DmsException.notFound("memberId", "会员 " + memberId + " 不存在",
                    "member " + memberId + " does not exist");
        }
        return b;
    }

    /** Applies a signed movement to a locked balance and writes its entry. */
    static EntryEntity move(EntityManager em, BalanceEntity b, StoredValueKind kind, Splits.Split signed,
            LocalDateTime at, String by) {
        BigDecimal principal = b.principal.add(signed.principal());
        BigDecimal bonus = b.bonus.add(signed.bonus());
        if (principal.signum() < 0 || bonus.signum() < 0) {
            throw DmsException.invalid("amount", "balance.insufficient",
                    "储值余额不足：本金 " + b.principal + " 元，赠送 " + b.bonus + " 元",
                    "the stored value is not enough: principal " + b.principal + ", bonus " + b.bonus);
        }
        b.principal = principal.setScale(2);
        b.bonus = bonus.setScale(2);
        b.version++;
        EntryEntity e = new EntryEntity();
        e.memberId = b.memberId;
        e.kind = kind.name();
        e.principal = signed.principal().setScale(2);
        e.bonus = signed.bonus().setScale(2);
        e.principalAfter = b.principal;
        e.bonusAfter = b.bonus;
        e.at = at;
        e.by = by;
        em.persist(e);
        return e;
    }

    static Splits.Split negate(Splits.Split s) {
        return new Splits.Split(s.principal().negate(), s.bonus().negate());
    }
}
