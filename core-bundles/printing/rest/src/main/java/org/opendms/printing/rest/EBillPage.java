package org.opendms.printing.rest;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.opendms.printing.api.EBill;

/** The e-bill as a small page for a phone: the shop, the visit, the amount and the two PDFs; nothing else. */
final class EBillPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(
            ZoneId.of("Asia/Shanghai"));

    private EBillPage() {
    }

    static String html(EBill b, String token) {
        StringBuilder s = new StringBuilder(1024);
        s.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>电子结算单</title>")
                .append("<style>body{font-family:sans-serif;margin:1.2em;line-height:1.6}a{display:block;margin:.6em 0;")
                .append("padding:.8em;border:1px solid #409eff;border-radius:6px;text-align:center;color:#409eff;")
                .append("text-decoration:none}small{color:#888}</style></head><body>");
        s.append("<h3>").append(escape(b.shop())).append("</h3>");
        s.append("<p>工单号 ").append(escape(b.workOrderNumber())).append("<br>车牌 ").append(escape(b.plateMasked()));
        if (b.payable() != null) {
            s.append("<br>应付 ¥").append(b.payable().toPlainString()).append("，已付 ¥")
                    .append(b.paid().toPlainString());
        }
        s.append("</p>");
        String base = "/api/e-bill/" + token + "/";
        if (b.payable() != null) {
            s.append("<a href=\"").append(base).append("bill\">查看结算单 (PDF)</a>");
        }
        if (b.certificate()) {
            s.append("<a href=\"").append(base).append("certificate\">查看竣工出厂合格证 (PDF)</a>");
        }
        s.append("<small>链接有效期至 ").append(DAY.format(b.expiresAt())).append("</small></body></html>");
        return s.toString();
    }

    private static String escape(String text) {
        return text == null ? ""
                : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
