package org.opendms.printing.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.stream.Collectors;

import org.opendms.settlement.api.LineKind;
import org.opendms.settlement.api.TenderMethods;
import org.opendms.workorder.api.LineType;
import org.opendms.workorder.api.PayType;
import org.opendms.workorder.api.VisitType;

/** How sheets spell amounts, times and the domain's codes in Chinese. */
final class Fmt {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Fmt() {
    }

    /** Yuan to the fen, no grouping (so the text a test or a scanner extracts is the number itself). */
    static String yuan(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A quantity without trailing zeros: 2, 1.5. */
    static String qty(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    static String minute(Instant at, ZoneId zone) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }

    static String day(Instant at, ZoneId zone) {
        return at == null ? "" : DAY.format(at.atZone(zone));
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "" : rate.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static String payType(PayType t) {
        return switch (t) {
        case CUSTOMER -> "客户付费";
        case WARRANTY -> "厂家索赔";
        case INSURANCE -> "保险";
        case INTERNAL -> "内部";
        };
    }

    static String lineType(LineType t) {
        return switch (t) {
        case LABOUR -> "工时";
        case PART -> "配件";
        case SUBLET -> "外协";
        case FEE -> "其他费用";
        };
    }

    static String lineKind(LineKind k) {
        return switch (k) {
        case LABOUR -> "工时";
        case PART -> "配件";
        case SUBLET -> "外协";
        case FEE -> "其他费用";
        case HANDLING_FEE -> "材料管理费";
        };
    }

    static String visitTypes(Set<VisitType> types) {
        return types.stream().sorted().map(Fmt::visitType).collect(Collectors.joining("、"));
    }

    static String visitType(VisitType t) {
        return switch (t) {
        case MAINTENANCE -> "保养";
        case GENERAL_REPAIR -> "普通维修";
        case ACCIDENT -> "事故维修";
        case WARRANTY -> "保修索赔";
        case INSURANCE -> "保险";
        case INTERNAL -> "内部";
        case PDI -> "PDI";
        };
    }

    static String tender(String method) {
        return switch (method) {
        case TenderMethods.CASH -> "现金";
        case TenderMethods.WECHAT -> "微信支付";
        case TenderMethods.ALIPAY -> "支付宝";
        case TenderMethods.BANK_CARD -> "银行卡";
        case TenderMethods.DEPOSIT -> "订金";
        case TenderMethods.ON_ACCOUNT -> "挂账";
        default -> method;
        };
    }

    static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
