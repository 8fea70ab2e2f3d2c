package org.opendms.printing.impl;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.aries.jpa.template.JpaTemplate;
import org.opendms.platform.api.Actor;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.ShopClock;
import org.opendms.platform.api.Stored;
import org.opendms.platform.api.audit.AuditTrail;
import org.opendms.platform.api.schema.SchemaReady;
import org.opendms.platform.api.security.Permissions;
import org.opendms.printing.api.EBill;
import org.opendms.printing.api.EBillLink;
import org.opendms.printing.api.EBills;
import org.opendms.printing.api.Paper;
import org.opendms.printing.api.SheetKind;
import org.opendms.printing.api.Sheets;
import org.opendms.settlement.api.Payer;
import org.opendms.settlement.api.Settlement;
import org.opendms.settlement.api.Settlements;
import org.opendms.workorder.api.WorkOrder;
import org.opendms.workorder.api.WorkOrderStatus;
import org.opendms.workorder.api.WorkOrders;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * {@link EBills} on the prt_ebill_link table. A token is 32 random bytes (256 bits, base64url): guessing one is
 * hopeless,
 * and the rate limit in front of the public resource slows any try down further. Only its SHA-256 is stored, so neither
 * a database copy nor a backup opens a bill.
 */
@Component(service = EBills.class, configurationPid = "org.opendms.printing")
public class EBillStore implements EBills {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Reference(target = "(osgi.unit.name=dms-printing)")
    JpaTemplate jpa;

    @Reference(target = "(" + SchemaReady.BUNDLE + "=org.opendms.printing.impl)")
    SchemaReady schema;

    @Reference
    VisitReader visits;

    @Reference
    WorkOrders workOrders;

    @Reference
    Settlements settlements;

    @Reference
    Permissions permissions;

    @Reference
    AuditTrail audit;

    @Reference
    ShopClock clock;

    volatile String baseUrl = "http://localhost:8181/api/e-bill/";
    volatile int days = 30;

    @Activate
    @Modified
    void configure(PrintingConfig c) {
        String base = c.eBillBaseUrl().strip();
        baseUrl = base.endsWith("/") ? base : base + "/";
        days = Math.max(1, c.eBillDays());
    }

    @Override
    public EBillLink issue(long workOrderId, Actor actor) {
        permissions.require(actor, Sheets.permission(SheetKind.BILL));
        WorkOrder wo = workOrders.get(workOrderId);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.now();
        Instant expires = now.plus(Duration.ofDays(days));
        jpa.txExpr(em -> {
            EBillEntity e = new EBillEntity();
            e.tokenHash = hash(token);
            e.workOrderId = wo.id();
            e.createdAt = Stored.utc(now);
            e.createdBy = actor.username();
            e.expiresAt = Stored.utc(expires);
            em.persist(e);
            em.flush();
            // the token itself stays out of the trail: it is the key to the bill
            audit.record(em, actor, "e-bill", e.id, null, Map.of("workOrder", wo.number(), "expiresAt",
                    expires.toString()));
            return null;
        });
        return new EBillLink(wo.id(), token, baseUrl + token, expires);
    }

    @Override
    public Optional<EBill> open(String token) {
        return workOrderOf(token).map(found -> {
            WorkOrder wo = workOrders.get(found.workOrderId);
            List<Settlement> customer = BillSheets.standing(settlements.forWorkOrder(wo.id())).stream()
                    .filter(s -> s.payer() == Payer.CUSTOMER).toList();
            BigDecimal payable = customer.isEmpty() ? null
                    : customer.stream().map(Settlement::payable).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal paid = customer.isEmpty() ? null
                    : customer.stream().map(Settlement::paid).reduce(BigDecimal.ZERO, BigDecimal::add);
            boolean completed = wo.status() == WorkOrderStatus.COMPLETED || wo.status() == WorkOrderStatus.DELIVERED;
            return new EBill(visits.config().shopName(), wo.number(), maskPlate(wo.plate()), payable, paid, completed,
                    Stored.instant(found.expiresAt));
        });
    }

    @Override
    public byte[] print(String token, SheetKind kind, Paper paper) {
        EBillEntity found = workOrderOf(token).orElseThrow(EBillStore::notFound);
        if (kind != SheetKind.BILL && kind != SheetKind.CERTIFICATE) {
            throw notFound();
        }
        Visit visit = visits.read(kind, found.workOrderId, null, kind == SheetKind.BILL ? baseUrl + token : null);
        return PdfSheets.render(kind, visit, paper);
    }

    /** The link of an unexpired token; empty for anything else, a malformed token included. */
    private Optional<EBillEntity> workOrderOf(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        String h = hash(token);
        java.time.LocalDateTime now = Stored.utc(clock.now());
        return jpa.txExpr(em -> em.createQuery("SELECT e FROM EBillEntity e WHERE e.tokenHash = :h", EBillEntity.class)
                .setParameter("h", h).getResultList().stream().filter(e -> e.expiresAt.isAfter(now)).findFirst());
    }

    /** The same answer for unknown, expired and malformed: nothing tells a guesser which it was. */
    static DmsException notFound() {
        return DmsException.notFound("token", "链接无效或已过期", "the link is unknown or has expired");
    }

    /** 京A12345 → 京A***45: enough for the customer to know the car, too little to find it. */
    static String maskPlate(String plate) {
        if (plate == null || plate.length() < 5) {
            return plate;
        }
        return plate.substring(0, 2) + "*".repeat(plate.length() - 4) + plate.substring(plate.length() - 2);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
