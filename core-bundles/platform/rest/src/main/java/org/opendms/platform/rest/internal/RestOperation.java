package org.opendms.platform.rest.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.opendms.platform.rest.api.RequiresPermission;

/**
 * One operation under /api as a caller sees it: HTTP method, path template (as in /api/openapi.json) and the
 * permissions its resource method names (any one will do; none for the public health and OpenAPI documents).
 */
record RestOperation(String method, String path, List<String> permissions, Pattern pattern, int literalChars) {

    /**
     * The operations of a resource class served at {@code prefix} (empty for core, {@code /<plugin id>} for a plugin).
     */
    static List<RestOperation> of(Class<?> resource, String prefix) {
        List<RestOperation> operations = new ArrayList<>();
        Path classPath = resource.getAnnotation(Path.class);
        for (Method m : resource.getMethods()) {
            String http = httpMethod(m);
            if (http == null) {
                continue;
            }
            Path methodPath = m.getAnnotation(Path.class);
            String template = join(prefix, classPath == null ? "" : classPath.value(),
                    methodPath == null ? "" : methodPath.value());
            RequiresPermission needs = m.getAnnotation(RequiresPermission.class);
            operations.add(from(http, template, needs == null ? List.of() : List.of(needs.value())));
        }
        return operations;
    }

    static RestOperation from(String method, String template, List<String> permissions) {
        StringBuilder regex = new StringBuilder();
        StringBuilder shown = new StringBuilder();
        int literal = 0;
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                open = template.length();
            }
            String text = template.substring(i, open);
            regex.append(Pattern.quote(text));
            shown.append(text);
            literal += text.length();
            if (open == template.length()) {
                break;
            }
            int close = closing(template, open);
            String variable = template.substring(open + 1, close);
            int colon = variable.indexOf(':');
            String name = (colon < 0 ? variable : variable.substring(0, colon)).trim();
            String pattern = colon < 0 ? "[^/]+" : variable.substring(colon + 1).trim();
            regex.append('(').append(pattern).append(')');
            shown.append('{').append(name).append('}');
            i = close + 1;
        }
        return new RestOperation(method, shown.toString(), List.copyOf(permissions), Pattern.compile(regex.toString()),
                literal);
    }

    boolean matches(String httpMethod, String path) {
        // the template's text before its first variable is a cheap first test: most candidates fail it
        int variable = this.path.indexOf('{');
        return method.equals(httpMethod)
                && path.regionMatches(0, this.path, 0, variable < 0 ? this.path.length() : variable)
                && pattern.matcher(path).matches();
    }

    private static int closing(String template, int open) {
        int depth = 0;
        for (int j = open; j < template.length(); j++) {
            char c = template.charAt(j);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return j;
            }
        }
        throw new IllegalArgumentException("unclosed { in path " + template);
    }

    private static String httpMethod(Method m) {
        for (var annotation : m.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Joins path pieces as JAX-RS does: one slash between them, a leading slash, no trailing slash. */
    static String join(String... pieces) {
        StringBuilder path = new StringBuilder();
        for (String piece : pieces) {
            int start = 0;
            int end = piece.length();
            while (start < end && piece.charAt(start) == '/') {
                start++;
            }
            while (end > start && piece.charAt(end - 1) == '/') {
                end--;
            }
            if (start < end) {
                path.append('/').append(piece, start, end);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
