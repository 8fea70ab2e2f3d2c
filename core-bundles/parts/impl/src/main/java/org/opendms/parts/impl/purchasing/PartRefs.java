package org.opendms.parts.impl.purchasing;

import java.util.Optional;

import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.Part;
import org.opendms.parts.api.PartLookup;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violations;

/** A part named by id or by number (as typed or scanned), looked up in the catalogue. */
public final class PartRefs {

    private PartRefs() {
    }

    /**
     * The part, or empty with the reason added to {@code v} ({@code field.partId} or {@code field.partNumber}).
     */
    public static Optional<Part> part(Catalogue catalogue, Violations v, String field, Long partId,
            String partNumber) {
        String prefix = field.isEmpty() ? "" : field + ".";
        if (partId != null) {
            try {
                return Optional.of(catalogue.get(partId));
            } catch (DmsException e) {
                if (e.kind() != DmsException.Kind.NOT_FOUND) {
                    throw e;
                }
                v.add(prefix + "partId", "part.unknown", "配件 " + partId + " 不存在", "part " + partId + " does not exist");
                return Optional.empty();
            }
        }
        if (partNumber == null || partNumber.isBlank()) {
            v.add(prefix + "partNumber", "required", "请给出零件号", "a part number is required");
            return Optional.empty();
        }
        if (partNumber.length() > 100) {
            v.add(prefix + "partNumber", "too_long", "零件号过长", "the part number is too long");
            return Optional.empty();
        }
        Optional<PartLookup> found = catalogue.lookup(partNumber);
        if (found.isEmpty()) {
            v.add(prefix + "partNumber", "part.unknown", "配件目录中没有零件号 " + partNumber.strip(),
                    "no part " + partNumber.strip() + " in the catalogue");
            return Optional.empty();
        }
        return Optional.of(found.get().part());
    }

    /** The printed number of a part known to exist. */
    public static String number(Catalogue catalogue, long partId) {
        return catalogue.get(partId).number().printed();
    }
}
