package org.opendms.platform.rest.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.opendms.platform.rest.api.Problems;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Failures;
import org.opendms.platform.api.Violation;
import org.opendms.platform.api.jpa.DeadlockRetry;
import org.opendms.platform.api.jpa.StaleVersion;
import org.opendms.platform.rest.api.DmsRest;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Answers every failure under /api as application/problem+json naming the field and the reason, in the language
 * of Accept-Language. A bug still answers in this shape, with an incident id that is also in the log.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("dms.problems")
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Locale locale = Problems.locale(acceptableLanguages());
        BodyLimits.TooLarge body = find(failure, BodyLimits.TooLarge.class);
        if (body != null) {
            return problem(413, List.of(BodyLimits.tooLarge(body.max)), locale);
        }
        DmsException dms = find(failure, DmsException.class);
        if (dms != null) {
            return problem(Problems.status(dms.kind()), dms.violations(), locale);
        }
        ItemLimitParser.TooManyItems items = find(failure, ItemLimitParser.TooManyItems.class);
        if (items != null) {
            return problem(413, List.of(tooManyItems(items)), locale);
        }
        JsonProcessingException json = find(failure, JsonProcessingException.class);
        if (json != null) {
            return problem(400, List.of(describe(json)), locale);
        }
        Violation lost = concurrentLoser(failure);
        if (lost != null) {
            return problem(409, List.of(lost), locale);
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            if (status < 500) {
                return problem(status, List.of(forStatus(status)), locale);
            }
        }
        if (clientGone(failure)) {
            // the client hung up before the answer was written (a closed tab, a timeout): nothing is wrong here
            LOG.debug("Client closed the connection before the answer was written: {}", failure.toString());
            return Response.noContent().build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected failure, incident {}", incident, failure);
        return problem(500, List.of(new Violation("", "internal_error",
                "系统内部错误，请联系管理员并提供编号 " + incident,
                "Internal error; please report incident " + incident + " to your administrator")), locale);
    }

    private List<Locale> acceptableLanguages() {
        try {
            return headers == null ? List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException outsideRequest) {
            return List.of();
        }
    }

    static Violation tooManyItems(ItemLimitParser.TooManyItems e) {
        String name = e.field.isEmpty() ? "array" : e.field;
        return new Violation(e.field, "too_many_items", name + " 最多 " + e.max + " 项",
                name + " may have at most " + e.max + " items");
    }

    /**
     * A write that lost a race to another one committed first, when its service did not say so itself: the database
     * noticed the version changed (optimistic lock), refused a second copy of a unique value, or broke a deadlock
     * (after {@link DeadlockRetry}'s attempts). Nothing was written; the user re-reads and tries again: 409, not 500.
     */
    static Violation concurrentLoser(Throwable failure) {
        if (StaleVersion.isOptimisticLock(failure)) {
            return StaleVersion.refusal("记录", "the record").violations().get(0);
        }
        if (Failures.isUniqueViolation(failure)) {
            return new Violation("", "duplicate", "与同时保存的另一条记录重复，请重新读取后再试",
                    "this duplicates a record saved at the same time; re-read and try again");
        }
        if (DeadlockRetry.isDeadlock(failure)) {
            return new Violation("", "concurrent_write", "记录正被他人同时修改，请重新读取后再试",
                    "someone else is changing the same records at this moment; re-read and try again");
        }
        return null;
    }

    static Violation describe(JsonProcessingException e) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof RefusedValue refused) {
            return refused.violation(field);
        }
        if (e instanceof UnrecognizedPropertyException u) {
            return new Violation(field, "unknown_field", "不认识的字段 " + u.getPropertyName(),
                    "unknown field " + u.getPropertyName());
        }
        if (e instanceof StreamConstraintsException || find(e, StreamConstraintsException.class) != null) {
            ItemLimitParser.Named named = find(e, ItemLimitParser.Named.class);
            if (named != null && !named.field.isEmpty()) { // its path from the root is the exact one
                field = named.field;
            }
            String name = field.isEmpty() ? "" : field + " ";
            return new Violation(field, "too_large", name + "内容过长、数字位数过多或嵌套过深",
                    name + "is too long, has too many digits or is nested too deeply");
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof DmsException) {
            return ((DmsException) v.getCause()).violations().get(0);
        }
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.equals(StrictJsonProvider.BYTE_ORDER_MARK)) {
            return new Violation("", "malformed_json", "请求内容以字节顺序标记（BOM）开头，请去掉后再发送",
                    "the request body starts with a byte-order mark (BOM); send the JSON without it");
        }
        if (original.equals(StrictJsonProvider.NOT_UTF8)) {
            return new Violation("", "malformed_json", "请求内容不是 UTF-8 编码的 JSON",
                    "the request body is not JSON in UTF-8");
        }
        if (original.contains("end-of-input") || original.startsWith("No content to map")
                || original.startsWith("Trailing token")) {
            return new Violation("", "malformed_json", "请求内容不是完整、合法的 JSON",
                    "the request body is not complete, valid JSON");
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            return new Violation(field, "wrong_type", field + " 的值类型不正确", field + " has a value of the wrong type");
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e instanceof JsonParseException && message.startsWith("Duplicate field")) {
            // Jackson says: Duplicate field 'name'
            int open = message.indexOf('\'');
            int close = message.lastIndexOf('\'');
            String name = close > open ? message.substring(open + 1, close) : "";
            String where = field.isEmpty() ? name : field + "." + name;
            return new Violation(where, "duplicate_key", "JSON 中字段 " + name + " 出现了不止一次",
                    "JSON has the field " + name + " more than once");
        }
        return new Violation(field, "malformed_json", "请求内容不是合法的 JSON", "the request body is not valid JSON");
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (s.length() > 0) {
                    s.append('.');
                }
                s.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static Violation forStatus(int status) {
        return switch (status) {
        case 404 -> new Violation("", "not_found", "没有这个地址", "no such resource");
        case 405 -> new Violation("", "method_not_allowed", "该地址不支持这种请求方法", "this method is not allowed here");
        case 406 -> new Violation("Accept", "not_acceptable", "只能提供 application/json",
                "only application/json can be produced");
        case 413 -> new Violation("", "too_large", "请求内容过大", "the request body is too large");
        case 415 -> new Violation("Content-Type", "unsupported_media_type", "请以 application/json 提交",
                "send application/json");
        default -> new Violation("", "http_" + status, "请求无法处理（" + status + "）",
                "the request could not be handled (" + status + ")");
        };
    }

    private static Response problem(int status, List<Violation> violations, Locale locale) {
        return Response.status(status).type(DmsRest.PROBLEM_JSON)
                .entity(Problems.body(status, violations, locale)).build();
    }

    /**
     * Jetty's EofException (by name: the REST bundle does not depend on Jetty) or an I/O error of a connection the peer
     * closed, anywhere in the causes.
     */
    static boolean clientGone(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getName().equals("org.eclipse.jetty.io.EofException")) {
                return true;
            }
            if (t instanceof java.io.IOException) {
                String m = t.getMessage() == null ? "" : t.getMessage();
                if (m.contains("Broken pipe") || m.contains("Connection reset")) {
                    return true;
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
