package org.opendms.settlement.impl;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** Row of stl_provider_txn: a WeChat Pay or Alipay transaction number already taken ("WECHAT:4200…"). */
@Entity
@Table(name = "stl_provider_txn")
public class ProviderTxnEntity {

    @Id
    String txn;
    @Column(name = "taken_at")
    LocalDateTime takenAt;
}
