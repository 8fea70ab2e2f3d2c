package org.opendms.platform.jetty.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.HttpChannel;
import org.eclipse.jetty.server.HttpConnection;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.opendms.platform.api.Violation;
import org.opendms.platform.rest.api.Problems;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Jetty's own error answers, for requests that never reach CXF (a NUL or an encoded slash in the path, a header too
 * large, ...): under {@code /api} they are the API's problem+json, never Jetty's HTML page. Nothing of the request is
 * echoed (Jetty's reason names the offending part of the path); the message is Chinese unless the caller prefers
 * English. Elsewhere Jetty answers as before.
 */
final class JettyProblemErrorHandler extends ErrorHandler {

    static final String PROBLEM_JSON = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    JettyProblemErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    /**
     * A request Jetty refused while reading it (a NUL or an encoded slash in the path, headers too large...). Jetty
     * refuses most of these on the request line, before it has read the path's end or any header, so neither where
     * the request went nor its Accept-Language is known: the answer is problem+json in Chinese with the English after
     * it.
     */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
        Request request = currentRequest();
        if (request != null && !underApi(path(request))) {
            return super.badMessageError(status, reason, fields);
        }
        fields.put(HttpHeader.CONTENT_TYPE, PROBLEM_JSON + ";charset=utf-8");
        fields.put(HttpHeader.CACHE_CONTROL, "no-store");
        String language = request == null ? null : request.getHeader("Accept-Language");
        return ByteBuffer.wrap(body(status, language == null ? null : locale(language)));
    }

    /** An error Jetty answers itself once the request is read (no context, a path escaping the root, ...). */
    @Override
    protected void generateAcceptableResponse(Request baseRequest, HttpServletRequest request,
            HttpServletResponse response, int code, String message) throws IOException {
        if (!underApi(path(baseRequest))) {
            super.generateAcceptableResponse(baseRequest, request, response, code, message);
            return;
        }
        baseRequest.setHandled(true);
        response.setContentType(PROBLEM_JSON + ";charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        byte[] body = body(code, locale(request.getHeader("Accept-Language")));
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The problem+json body; with no locale (not known), Chinese with the English after it. */
    static byte[] body(int status, Locale locale) {
        Violation v = violation(status);
        if (locale == null) {
            v = new Violation(v.field(), v.code(), v.messageZh() + " / " + v.messageEn(), v.messageEn());
        }
        try {
            return JSON.writeValueAsBytes(Problems.body(status, List.of(v),
                    locale == null ? Locale.SIMPLIFIED_CHINESE : locale));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What went wrong, said without the request's own text. */
    static Violation violation(int status) {
        return switch (status) {
        case 400 -> new Violation("path", "request.malformed", "请求地址或请求格式无法识别（含有不允许的字符或路径片段）",
                "The request's address or format cannot be read (it holds a character or path segment that is not allowed)");
        case 404 -> new Violation("path", "request.not-found", "没有这个地址", "There is nothing at this address");
        case 405 -> new Violation("method", "request.method-not-allowed", "该地址不支持这种请求方法",
                "This address does not take this request method");
        case 413 -> new Violation("body", "request.too-large", "请求内容过大", "The request is too large");
        case 414 -> new Violation("path", "request.uri-too-long", "请求地址过长", "The request's address is too long");
        case 431 -> new Violation("headers", "request.headers-too-large", "请求头过大",
                "The request's headers are too large");
        default -> new Violation("request", "request.refused", "请求无法处理", "The request cannot be handled");
        };
    }

    static boolean underApi(String path) {
        return path == null || path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api;")
                || path.startsWith("/api%");
    }

    /** Chinese unless Accept-Language prefers English; a header that cannot be read counts as none. */
    static Locale locale(String acceptLanguage) {
        List<Locale> locales = new ArrayList<>();
        if (acceptLanguage != null) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getWeight() > 0 && !range.getRange().equals("*")) {
                        locales.add(Locale.forLanguageTag(range.getRange()));
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                locales.clear();
            }
        }
        return Problems.locale(locales);
    }

    private static String path(Request request) {
        HttpURI uri = request.getHttpURI();
        return uri == null ? null : uri.getPath();
    }

    /** The request Jetty was reading when it gave up, if this thread is reading one. */
    private static Request currentRequest() {
        HttpConnection connection = HttpConnection.getCurrentConnection();
        HttpChannel channel = connection == null ? null : connection.getHttpChannel();
        Request request = channel == null ? null : channel.getRequest();
        return request == null || request.getMetaData() == null || request.getHttpURI() == null
                || request.getHttpURI().getPath() == null ? null : request;
    }
}
