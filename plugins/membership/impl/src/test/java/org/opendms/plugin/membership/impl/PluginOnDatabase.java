package org.opendms.plugin.membership.impl;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;

import org.opendms.audit.impl.JpaAuditTrail;
import org.opendms.platform.api.security.Permissions;
import org.opendms.platform.testing.TestDatabase;
import org.opendms.platform.testing.TestPermissions;
import org.opendms.platform.testing.TestShopClock;
import org.opendms.plugin.membership.api.event.MembershipListener;
import org.opendms.settlement.impl.SettledDocuments;
import org.opendms.vehicle.impl.CoreFilesForTests;

/**
 * The plugin's services on a real database migrated by the real changelogs, wired as DS wires them in Karaf, beside
 * the real settlement service (documents of one customer), customer and vehicle archives and audit trail.
 */
final class PluginOnDatabase {

    final TestDatabase db;
    final TestShopClock clock = TestShopClock.fixed(Instant.parse("2026-12-02T03:00:00Z"));
    final Permissions permissions = TestPermissions.of(new MembershipPermissions());
    final SettledDocuments documents;
    final CoreFilesForTests core;
    final JpaMembership membership = new JpaMembership();
    final StoredValueTender storedValue = new StoredValueTender();
    final JpaCountCards cards = new JpaCountCards();
    final CountCardTender countCard = new CountCardTender();
    final JpaPoints points = new JpaPoints();
    final PointsTender pointsTender = new PointsTender();
    final PointsEarning earning = new PointsEarning();
    final JpaCoupons coupons = new JpaCoupons();
    final CouponTender coupon = new CouponTender();
    final JpaMemberTiers tiers = new JpaMemberTiers();
    final MemberBenefits benefits = new MemberBenefits();
    final DeskTakings takings = new DeskTakings();

    PluginOnDatabase(TestDatabase database, MembershipListener listener) {
        db = database.pooled(12);
        JpaAuditTrail audit = new JpaAuditTrail(db.jpa("dms-audit"), clock, permissions);
        documents = new SettledDocuments(db, clock, permissions, audit);
        core = CoreFilesForTests.on(db);
        db.migrate("db/org.opendms.plugin.membership.impl/changelog.xml");
        membership.jpa = db.jpa("dms-membership");
        membership.customers = documents.customers();
        membership.clock = clock;
        membership.permissions = permissions;
        membership.audit = audit;
        membership.cashUps = documents.cashUps();
        membership.listeners = List.of(listener);
        membership.configure(config("500:30,1000:100", "PROPORTIONAL"));
        storedValue.membership = membership;
        cards.membership = membership;
        cards.vehicles = core.vehicles();
        countCard.cards = cards;
        countCard.settlements = documents.service();
        countCard.workOrders = documents.workOrders();
        points.membership = membership;
        pointsTender.membership = membership;
        earning.membership = membership;
        earning.settlements = documents.service();
        documents.listeners(List.of(earning));
        coupons.membership = membership;
        coupons.settlements = documents.service();
        coupon.coupons = coupons;
        membership.coupons = List.of(coupons);
        tiers.membership = membership;
        benefits.membership = membership;
        takings.membership = membership;
        documents.benefits(List.of(benefits));
        documents.cashTakings(List.of(takings));
    }

    static MembershipConfig config(String bonus, String order) {
        return config(bonus, order, "PROPORTIONAL");
    }

    static MembershipConfig config(String bonus, String order, String refundRule) {
        return new MembershipConfig() {
            @Override
            public String topUpBonus() {
                return bonus;
            }

            @Override
            public String spendOrder() {
                return order;
            }

            @Override
            public String tiers() {
                return "SILVER:5000,GOLD:20000";
            }

            @Override
            public String tierPurchases() {
                return "GOLD:299:12";
            }

            @Override
            public String refundRule() {
                return refundRule;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MembershipConfig.class;
            }
        };
    }
}
