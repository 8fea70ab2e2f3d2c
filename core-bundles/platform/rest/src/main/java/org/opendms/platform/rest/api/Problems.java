package org.opendms.platform.rest.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.ws.rs.core.Response;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

/**
 * The one problem+json shape (RFC 9457) of the API, with an {@code errors} list naming each field. Published for the
 * answers written outside CXF (Jetty's own refusals, in their own bundle), so that every refusal looks the same.
 */
public final class Problems {

    private Problems() {
    }

    /** Chinese unless the caller prefers English; staff work in Chinese. */
    public static Locale locale(List<Locale> acceptable) {
        if (acceptable != null) {
            for (Locale l : acceptable) {
                if ("zh".equals(l.getLanguage())) {
                    return Locale.SIMPLIFIED_CHINESE;
                }
                if ("en".equals(l.getLanguage())) {
                    return Locale.ENGLISH;
                }
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    public static Map<String, Object> body(int status, List<Violation> violations, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(status, locale));
        body.put("status", status);
        List<Map<String, String>> errors = new ArrayList<>();
        StringBuilder detail = new StringBuilder();
        for (Violation v : violations) {
            Map<String, String> e = new LinkedHashMap<>();
            e.put("field", v.field());
            e.put("code", v.code());
            e.put("message", v.message(locale));
            errors.add(e);
            if (detail.length() > 0) {
                detail.append(locale.getLanguage().equals("en") ? "; " : "；");
            }
            detail.append(v.message(locale));
        }
        body.put("detail", detail.toString());
        body.put("errors", errors);
        return body;
    }

    public static int status(DmsException.Kind kind) {
        return switch (kind) {
        case INVALID_INPUT -> 400;
        case FORBIDDEN -> 403;
        case NOT_FOUND -> 404;
        case CONFLICT -> 409;
        case UNAVAILABLE -> 503;
        };
    }

    public static String title(int status, Locale locale) {
        boolean en = "en".equals(locale.getLanguage());
        return switch (status) {
        case 400 -> en ? "Invalid input" : "输入有误";
        case 401 -> en ? "Unauthorized" : "未登录";
        case 403 -> en ? "Forbidden" : "没有权限";
        case 404 -> en ? "Not found" : "记录不存在";
        case 405 -> en ? "Method not allowed" : "不支持该请求方法";
        case 406 -> en ? "Not acceptable" : "无法提供所请求的格式";
        case 409 -> en ? "Conflict" : "与现有数据冲突";
        case 413 -> en ? "Request too large" : "请求内容过大";
        case 415 -> en ? "Unsupported media type" : "不支持的内容类型";
        case 429 -> en ? "Too many requests" : "请求过于频繁";
        case 503 -> en ? "Service unavailable" : "服务暂不可用";
        default -> status >= 500 ? (en ? "Internal error" : "系统内部错误")
                : Response.Status.fromStatusCode(status) != null
                        ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        };
    }
}
