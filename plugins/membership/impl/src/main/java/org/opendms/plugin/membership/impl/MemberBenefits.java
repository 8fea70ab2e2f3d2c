package org.opendms.plugin.membership.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.opendms.settlement.api.Benefit;
import org.opendms.settlement.api.BenefitContext;
import org.opendms.settlement.api.BenefitProvider;
import org.opendms.settlement.api.LineKind;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The member's tier benefit on their own bill: the tier's percent off each labour and part line's net, to the fen
 * (HALF_UP per line), named with the tier. A customer who is not an active member, or a tier that gives nothing, gets
 * none.
 */
@Component
public class MemberBenefits implements BenefitProvider {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Reference
    JpaMembership membership;

    @Override
    public List<Benefit> benefits(BenefitContext context) {
        return membership.jpa.txExpr(em -> {
            List<MemberEntity> found = em.createQuery("SELECT m FROM MemberEntity m WHERE m.customerId = :c AND"
                    + " m.active = :a", MemberEntity.class).setParameter("c", context.customerId())
                    .setParameter("a", true).getResultList();
            if (found.isEmpty()) {
                return List.of();
            }
            String tier = found.get(0).tier;
            TierBenefitEntity row = em.find(TierBenefitEntity.class, tier);
            if (row == null) {
                return List.of();
            }
            Map<Long, BigDecimal> off = new LinkedHashMap<>();
            for (BenefitContext.Line l : context.lines()) {
                BigDecimal percent = l.kind() == LineKind.LABOUR ? row.labourOff
                        : l.kind() == LineKind.PART ? row.partsOff : BigDecimal.ZERO;
                BigDecimal amount = l.net().multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
                if (amount.signum() > 0) {
                    off.put(l.workOrderLineId(), amount);
                }
            }
            return off.isEmpty() ? List.of() : List.of(Benefit.of(name(tier, row), nameEn(tier, row), off));
        });
    }

    /** e.g. 会员 GOLD 工时9折 配件95折. */
    static String name(String tier, TierBenefitEntity row) {
        StringBuilder b = new StringBuilder("会员 ").append(tier);
        if (row.labourOff.signum() > 0) {
            b.append(" 工时").append(zhe(row.labourOff)).append("折");
        }
        if (row.partsOff.signum() > 0) {
            b.append(" 配件").append(zhe(row.partsOff)).append("折");
        }
        return b.toString();
    }

    static String nameEn(String tier, TierBenefitEntity row) {
        return "member " + tier + ": labour " + row.labourOff.stripTrailingZeros().toPlainString() + "% off, parts "
                + row.partsOff.stripTrailingZeros().toPlainString() + "% off";
    }

    /** 10 % off is 9折, 5 % off 95折, 12.5 % off 87.5折. */
    static String zhe(BigDecimal percentOff) {
        BigDecimal pay = HUNDRED.subtract(percentOff);
        BigDecimal tenths = pay.divide(BigDecimal.TEN).stripTrailingZeros();
        return tenths.scale() <= 0 ? tenths.toPlainString() : pay.stripTrailingZeros().toPlainString();
    }
}
