package org.opendms.customer.impl;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;
import javax.persistence.Version;

import org.opendms.customer.api.CustomerType;
import org.opendms.platform.api.jpa.Audited;

/** Row of table customer. Times are UTC. */
@Entity
@Table(name = "customer")
public class CustomerEntity extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "customer_type", nullable = false)
    CustomerType type;

    @Column(nullable = false)
    String name;

    /** The name folded for case-insensitive search, kept in step with {@link #name}. */
    @Column(name = "name_search", nullable = false)
    String nameSearch;

    String mobile;

    @Column(name = "wechat_id")
    String wechatId;

    String address;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
    @Column(name = "tag")
    Set<String> tags = new TreeSet<>();

    @Column(name = "marketing_consent", nullable = false)
    boolean marketingConsent;

    @Column(name = "marketing_consent_at")
    LocalDateTime marketingConsentAt;

    String note;

    @Version
    long version;
}
