package org.opendms.parts.impl.stocktake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opendms.parts.api.stocktake.StocktakeStatus;
import org.opendms.platform.api.jpa.Audited;

/** Row of stk_stocktake with its lines. */
@Entity
@Table(name = "stk_stocktake")
public class StocktakeEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false)
    String number;

    @Column(name = "warehouse_id", nullable = false)
    long warehouseId;

    /** Comma-separated bin ids; empty for the whole warehouse. */
    @Column(name = "bin_ids", nullable = false)
    String binIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    StocktakeStatus status;

    @Column(name = "frozen_at", nullable = false)
    LocalDateTime frozenAt;

    String note;

    @Column(name = "approved_by")
    String approvedBy;

    @Column(name = "approved_at")
    LocalDateTime approvedAt;

    String reason;

    @OneToMany(mappedBy = "stocktake", cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @OrderBy("id")
    List<StocktakeLineEntity> lines = new ArrayList<>();

    @Version
    long version;
}
