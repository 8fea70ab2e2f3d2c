package org.opendms.parts.impl.stocktake;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/** Row of stk_line: a part in a bin on a count sheet. */
@Entity
@Table(name = "stk_line")
public class StocktakeLineEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @ManyToOne
    @JoinColumn(name = "stocktake_id", nullable = false)
    StocktakeEntity stocktake;

    @Column(name = "part_id", nullable = false)
    long partId;

    @Column(name = "bin_id", nullable = false)
    long binId;

    @Column(name = "batch_no")
    String batchNumber;

    @Column(nullable = false)
    BigDecimal frozen;

    BigDecimal counted;

    @Column(name = "book_at_count")
    BigDecimal bookAtCount;

    /** The ledger position of the part in the bin when counted. */
    @Column(name = "ledger_mark")
    Long ledgerMark;

    @Column(name = "unit_cost")
    BigDecimal unitCost;

    @Column(name = "counted_by")
    String countedBy;

    @Column(name = "counted_at")
    LocalDateTime countedAt;

    @Column(name = "ledger_entry_id")
    Long ledgerEntryId;
}
