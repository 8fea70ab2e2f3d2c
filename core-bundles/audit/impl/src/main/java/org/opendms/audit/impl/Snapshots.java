package org.opendms.audit.impl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A record as flat field → text pairs (nested records and lists of records followed), and the fields that differ
 * between two of them.
 */
final class Snapshots {

    /** Said by the entry itself (who and when), or the key of the record. */
    static final Set<String> BOOKKEEPING = Set.of("id", "version", "createdAt", "createdBy", "updatedAt", "updatedBy");

    private Snapshots() {
    }

    /** One changed field: its path and the texts before and after (null: no value). */
    record Difference(String field, String before, String after) {
    }

    /** The fields of the two snapshots whose texts differ, in the order of the newer one, then removed ones. */
    static Collection<Difference> diff(Object before, Object after) {
        Map<String, String> b = flatten(before);
        Map<String, String> a = flatten(after);
        Set<String> fields = new LinkedHashSet<>(a.keySet());
        fields.addAll(b.keySet());
        return fields.stream().filter(f -> !Objects.equals(b.get(f), a.get(f)))
                .map(f -> new Difference(f, b.get(f), a.get(f))).toList();
    }

    static Map<String, String> flatten(Object snapshot) {
        Map<String, String> out = new LinkedHashMap<>();
        if (snapshot != null) {
            add(out, "", snapshot);
        }
        return out;
    }

    private static void add(Map<String, String> out, String path, Object value) {
        if (value == null) {
            if (!path.isEmpty()) {
                out.put(path, null);
            }
        } else if (value instanceof Record r) {
            for (Component c : COMPONENTS.get(r.getClass())) {
                if (!BOOKKEEPING.contains(c.name())) {
                    add(out, join(path, c.name()), c.of(r));
                }
            }
        } else if (value instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            if (path.isEmpty() || sorted.values().stream().anyMatch(Snapshots::isStructured)) {
                sorted.forEach((k, v) -> add(out, join(path, k), v));
            } else {
                out.put(path, sorted.toString());
            }
        } else if (value instanceof Collection<?> items && items.stream().anyMatch(Snapshots::isStructured)) {
            int i = 0;
            for (Object item : items) {
                Object key = item instanceof Record r ? idOf(r) : null;
                add(out, path + "[" + (key == null ? i : key) + "]", item);
                i++;
            }
        } else {
            out.put(path, text(value));
        }
    }

    private static boolean isStructured(Object o) {
        return o instanceof Record || o instanceof Map;
    }

    private static Object idOf(Record r) {
        for (Component c : COMPONENTS.get(r.getClass())) {
            if (c.name().equals("id")) {
                return c.of(r);
            }
        }
        return null;
    }

    /**
     * A record's components with their accessors, looked up once per class: asking reflection for them on every
     * snapshot cost about a tenth of a work order's opening.
     */
    private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
        @Override
        protected List<Component> computeValue(Class<?> type) {
            List<Component> components = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                Method accessor = c.getAccessor();
                try {
                    accessor.setAccessible(true);
                } catch (RuntimeException e) {
                    // not accessible: its value is shown as "?"
                }
                components.add(new Component(c.getName(), accessor));
            }
            return List.copyOf(components);
        }
    };

    private record Component(String name, Method accessor) {
        Object of(Record r) {
            try {
                return accessor.invoke(r);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                return "?";
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** A value as a person reads it: amounts without exponent, enums by name, sets in a stable order. */
    static String text(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof Set<?> s) {
            return s.stream().map(Snapshots::text).sorted().toList().toString();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(Snapshots::text).toList().toString();
        }
        return String.valueOf(value);
    }
}
