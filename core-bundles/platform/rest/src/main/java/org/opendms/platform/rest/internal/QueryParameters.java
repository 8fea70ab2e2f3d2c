package org.opendms.platform.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import javax.ws.rs.BeanParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

/**
 * The query parameters a resource method reads ({@code @QueryParam} on its parameters, on the fields of its resource
 * class and inside {@code @BeanParam}s), and the refusal of any other one: a misspelt filter must not be ignored and
 * answer as if it had not been given.
 */
final class QueryParameters {

    /** The violation's code. */
    static final String CODE = "query.unknown";

    private QueryParameters() {
    }

    /** Refuses (400, one violation per name) the names sent that the method does not read. */
    static void refuseUnknown(Set<String> sent, Method method, Class<?> resource) {
        if (sent.isEmpty()) {
            return;
        }
        Set<String> known = known(method, resource);
        List<Violation> unknown = new ArrayList<>();
        for (String name : new TreeSet<>(sent)) {
            if (!known.contains(name)) {
                String zh = known.isEmpty() ? "该接口不接受查询参数" : "可用的有：" + String.join("、", known);
                String en = known.isEmpty() ? "this operation takes none" : "known: " + String.join(", ", known);
                unknown.add(new Violation(name, CODE, "不认识的查询参数 " + name + "（" + zh + "）",
                        "unknown query parameter " + name + " (" + en + ")"));
            }
        }
        if (!unknown.isEmpty()) {
            throw DmsException.invalid(unknown);
        }
    }

    /** The names the method reads, sorted. */
    static Set<String> known(Method method, Class<?> resource) {
        Set<String> names = new TreeSet<>();
        for (Parameter p : method.getParameters()) {
            add(names, p, p.getType());
        }
        fromBean(names, resource, 0);
        return names;
    }

    /** True for a resource method (as opposed to a sub-resource locator, which has no HTTP method). */
    static boolean isResourceMethod(Method method) {
        return httpMethod(method) != null;
    }

    /**
     * Among the methods of a sub-resource (a plugin's resource), the ones answering this HTTP method at this path
     * (relative to the sub-resource's own path).
     */
    static List<Method> answering(Class<?> resource, String httpMethod, String path) {
        String relative = path.replaceAll("^/+|/+$", "");
        List<Method> found = new ArrayList<>();
        for (Method m : resource.getMethods()) {
            String verb = httpMethod(m);
            boolean same = httpMethod.equals(verb) || "HEAD".equals(httpMethod) && "GET".equals(verb);
            Path p = m.getAnnotation(Path.class);
            String template = p == null ? "" : p.value().replaceAll("^/+|/+$", "");
            if (same && template(template).matcher(relative).matches()) {
                found.add(m);
            }
        }
        return found;
    }

    private static Pattern template(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            regex.append(Pattern.quote(template.substring(i, open)));
            int depth = 0;
            int close = open;
            for (; close < template.length(); close++) {
                char c = template.charAt(close);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            String variable = template.substring(open + 1, Math.min(close, template.length()));
            int colon = variable.indexOf(':');
            regex.append('(').append(colon < 0 ? "[^/]+" : variable.substring(colon + 1).strip()).append(')');
            i = close + 1;
        }
        return Pattern.compile(regex.toString());
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static void add(Set<String> names, AnnotatedElement element, Class<?> type) {
        QueryParam query = element.getAnnotation(QueryParam.class);
        if (query != null) {
            names.add(query.value());
        }
        if (element.isAnnotationPresent(BeanParam.class)) {
            fromBean(names, type, 1);
        }
    }

    /** The {@code @QueryParam} fields and setters of a resource or bean class (beans nested a few deep at most). */
    private static void fromBean(Set<String> names, Class<?> type, int depth) {
        if (depth > 3) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                QueryParam query = f.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.add(query.value());
                }
                if (f.isAnnotationPresent(BeanParam.class)) {
                    fromBean(names, f.getType(), depth + 1);
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                QueryParam query = m.getAnnotation(QueryParam.class);
                if (query != null && m.getParameterCount() == 1) {
                    names.add(query.value());
                }
            }
        }
    }
}
