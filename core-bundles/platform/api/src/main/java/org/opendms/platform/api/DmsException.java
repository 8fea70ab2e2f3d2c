package org.opendms.platform.api;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A refusal a user can act on. The REST layer turns it into application/problem+json with a status
 * from its {@link Kind}; the console prints its violations. Whoever throws it has changed nothing.
 */
public class DmsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides the HTTP status. */
    public enum Kind {
        /** 400: the input breaks a rule. */
        INVALID_INPUT("输入有误", "Invalid input"),
        /** 403: the user's roles do not allow this. */
        FORBIDDEN("没有权限", "Forbidden"),
        /** 404: the record does not exist. */
        NOT_FOUND("记录不存在", "Not found"),
        /** 409: the input clashes with stored data (a duplicate, a stale version, a rule needing confirmation). */
        CONFLICT("与现有数据冲突", "Conflict"),
        /** 503: a dependency (database, schema) is not ready. */
        UNAVAILABLE("服务暂不可用", "Service unavailable");

        private final String titleZh;
        private final String titleEn;

        Kind(String titleZh, String titleEn) {
            this.titleZh = titleZh;
            this.titleEn = titleEn;
        }

        public String title(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) ? titleEn : titleZh;
        }
    }

    private final Kind kind;
    private final List<Violation> violations;

    public DmsException(Kind kind, List<Violation> violations) {
        super(summary(violations));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.violations = List.copyOf(violations);
    }

    public static DmsException invalid(List<Violation> violations) {
        return new DmsException(Kind.INVALID_INPUT, violations);
    }

    public static DmsException invalid(String field, String code, String zh, String en) {
        return invalid(List.of(new Violation(field, code, zh, en)));
    }

    public static DmsException notFound(String field, String zh, String en) {
        return new DmsException(Kind.NOT_FOUND, List.of(new Violation(field, "not_found", zh, en)));
    }

    public static DmsException conflict(String field, String code, String zh, String en) {
        return new DmsException(Kind.CONFLICT, List.of(new Violation(field, code, zh, en)));
    }

    public static DmsException forbidden(String zh, String en) {
        return new DmsException(Kind.FORBIDDEN, List.of(new Violation("", "forbidden", zh, en)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder s = new StringBuilder();
        for (Violation v : violations) {
            if (s.length() > 0) {
                s.append("; ");
            }
            s.append(v.field().isEmpty() ? "" : v.field() + ": ").append(v.messageEn());
        }
        return s.toString();
    }
}
