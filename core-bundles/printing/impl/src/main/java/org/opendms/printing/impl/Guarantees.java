package org.opendms.printing.impl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.opendms.printing.impl.Visit.Guarantee;
import org.opendms.workorder.api.VisitType;

/** Which guarantee period a visit gets, from the configured periods per repair class and class per visit type. */
final class Guarantees {

    private final Map<String, Guarantee> byClass = new LinkedHashMap<>();
    private final Map<VisitType, String> classOfType = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException naming the entry that is not "class=km/days" or "TYPE=class"
     */
    Guarantees(String[] periods, String[] classes) {
        for (String entry : periods) {
            String[] kv = entry.split("=", 2);
            String[] kd = kv.length == 2 ? kv[1].split("/", 2) : new String[0];
            if (kd.length != 2) {
                throw new IllegalArgumentException("guarantees: \"" + entry + "\" is not class=km/days");
            }
            String name = kv[0].strip();
            byClass.put(name, new Guarantee(name, Integer.parseInt(kd[0].strip()), Integer.parseInt(kd[1].strip())));
        }
        for (String entry : classes) {
            String[] kv = entry.split("=", 2);
            if (kv.length != 2 || !byClass.containsKey(kv[1].strip())) {
                throw new IllegalArgumentException("repairClasses: \"" + entry + "\" names no configured repair class");
            }
            classOfType.put(VisitType.valueOf(kv[0].strip()), kv[1].strip());
        }
    }

    /** The longest period (by days, then km) of the visit's types; the shortest configured one if none is mapped. */
    Guarantee of(Set<VisitType> types) {
        Guarantee best = null;
        for (VisitType t : types) {
            Guarantee g = byClass.get(classOfType.get(t));
            if (g != null && (best == null || g.days() > best.days()
                    || g.days() == best.days() && g.km() > best.km())) {
                best = g;
            }
        }
        if (best == null) {
            best = byClass.values().stream().min((a, b) -> Integer.compare(a.days(), b.days())).orElseThrow();
        }
        return best;
    }
}
