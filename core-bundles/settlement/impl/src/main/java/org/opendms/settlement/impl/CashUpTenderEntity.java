package org.opendms.settlement.impl;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Table;

/** Row of stl_cashup_tender: what a closed day held in one tender, kept as it was at closing. */
@Entity
@Table(name = "stl_cashup_tender")
@IdClass(CashUpTenderEntity.Key.class)
public class CashUpTenderEntity {

    @Id
    @Column(name = "cashup_id")
    long cashUpId;
    @Id
    @Column(name = "pay_method")
    String method;
    BigDecimal amount;
    int entries;

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        long cashUpId;
        String method;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.cashUpId == cashUpId && Objects.equals(k.method, method);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cashUpId, method);
        }
    }
}
