package org.opendms.parts.rest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.opendms.parts.api.Bin;
import org.opendms.parts.api.Catalogue;
import org.opendms.parts.api.PartLookup;
import org.opendms.parts.api.Warehouse;
import org.opendms.parts.api.Warehouses;
import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

/**
 * What a scanned or typed code names. A part label carries the part number as printed (so the manufacturer's own
 * barcode on the box, which carries the same number, works as well); a bin label carries
 * {@code BIN:<warehouse code>:<bin code>}. A scanner may add a symbology prefix (]Q1, ]C0 …) and a line end: both go.
 */
final class Scans {

    static final String BIN_PREFIX = "BIN:";

    private Scans() {
    }

    /**
     * A part by id or by the number typed or scanned; given both, they must name the same part. @throws DmsException
     * INVALID_INPUT naming {@code at + "partId"} or {@code at + "part"}
     */
    static long partId(Catalogue catalogue, String at, Long id, String typed) {
        if (id == null) {
            return part(catalogue, at + "part", typed).part().id();
        }
        if (id <= 0) {
            throw DmsException.invalid(at + "partId", "wrong_type", "配件编号应为正整数",
                    "partId must be a positive whole number");
        }
        if (typed != null && !typed.isBlank()) {
            agree(at + "part", part(catalogue, at + "part", typed).part().id() == id, "配件", "part");
        }
        return id;
    }

    /**
     * A bin of the warehouse by id or by the code typed or scanned (neither: null, the default bin); given both, they
     * must name the same bin. @throws DmsException INVALID_INPUT naming {@code at + "binId"} or {@code at + "bin"}
     */
    static Long binId(Warehouses warehouses, Warehouse w, String at, Long id, String typed) {
        boolean hasTyped = typed != null && !typed.isBlank();
        if (id == null) {
            return hasTyped ? bin(warehouses, w, at + "bin", typed).id() : null;
        }
        if (id <= 0) {
            throw DmsException.invalid(at + "binId", "wrong_type", "库位编号应为正整数",
                    "binId must be a positive whole number");
        }
        if (hasTyped) {
            agree(at + "bin", bin(warehouses, w, at + "bin", typed).id() == id, "库位", "bin");
        }
        return id;
    }

    private static void agree(String field, boolean same, String chinese, String english) {
        if (!same) {
            throw DmsException.invalid(field, "mismatch", "扫描或输入的" + chinese + "与所选编号不是同一个，请只给一个",
                    "the " + english + " typed or scanned is not the one whose id is given: give one of them");
        }
    }

    /** A warehouse's bin as printed on its label. */
    static String binCode(Warehouse warehouse, Bin bin) {
        return BIN_PREFIX + warehouse.code() + ":" + bin.code();
    }

    /** The text as scanned, without an AIM symbology identifier, control characters and outer spaces. */
    static String clean(String scanned) {
        if (scanned == null) {
            return null;
        }
        String s = scanned.replaceAll("\\p{Cntrl}", "").strip();
        if (s.length() > 3 && s.charAt(0) == ']' && Character.isLetter(s.charAt(1))
                && Character.isLetterOrDigit(s.charAt(2))) {
            s = s.substring(3).strip();
        }
        return s;
    }

    /** A bin label's warehouse and bin codes, or empty when the text is no bin label. */
    static Optional<String[]> binLabel(String scanned) {
        String s = clean(scanned);
        if (s == null || !s.toUpperCase(Locale.ROOT).startsWith(BIN_PREFIX)) {
            return Optional.empty();
        }
        String rest = s.substring(BIN_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new String[] { rest.substring(0, colon).strip(), rest.substring(colon + 1).strip() });
    }

    /** The part whose number was typed or scanned. @throws DmsException INVALID_INPUT naming the field */
    static PartLookup part(Catalogue catalogue, String field, String typed) {
        String s = clean(typed);
        if (s == null || s.isEmpty()) {
            throw DmsException.invalid(field, "required", "请输入或扫描配件号", "type or scan a part number");
        }
        if (binLabel(s).isPresent()) {
            throw DmsException.invalid(field, "scan.bin_not_part", "扫描的是库位标签，不是配件：" + s,
                    "this is a bin label, not a part: " + s);
        }
        if (s.length() > 60) {
            throw DmsException.invalid(field, "too_long", "配件号过长（最多 40 个字符）",
                    "the part number is too long (at most 40 characters)");
        }
        return catalogue.lookup(s).orElseThrow(() -> DmsException.invalid(field, "part.unknown",
                "配件号“" + s + "”不在配件档案中", "part number '" + s + "' is not in the catalogue"));
    }

    /**
     * The bin typed (its code in the warehouse) or scanned (its label) in a warehouse. @throws DmsException
     * INVALID_INPUT naming the field, also when a scanned label is of another warehouse
     */
    static Bin bin(Warehouses warehouses, Warehouse warehouse, String field, String typed) {
        String s = clean(typed);
        if (s == null || s.isEmpty()) {
            throw DmsException.invalid(field, "required", "请输入或扫描库位", "type or scan a bin");
        }
        String code = s;
        Optional<String[]> label = binLabel(s);
        if (label.isPresent()) {
            if (!label.get()[0].equalsIgnoreCase(warehouse.code())) {
                throw DmsException.invalid(field, "bin.other_warehouse",
                        "库位标签属于仓库 " + label.get()[0] + "，不是 " + warehouse.code(),
                        "the bin label is of warehouse " + label.get()[0] + ", not " + warehouse.code());
            }
            code = label.get()[1];
        }
        if (code.length() > 30) {
            throw DmsException.invalid(field, "too_long", "库位编码过长（最多 30 个字符）",
                    "the bin code is too long (at most 30 characters)");
        }
        String shown = code;
        return warehouses.binByCode(warehouse.id(), code).orElseThrow(() -> DmsException.invalid(field, "bin.unknown",
                "仓库 " + warehouse.code() + " 没有库位“" + shown + "”",
                "warehouse " + warehouse.code() + " has no bin '" + shown + "'"));
    }

    /**
     * A warehouse by id or by code. Given both, they must name the same warehouse: a clerk who picked one and scanned
     * another is told, not served the one picked. @throws DmsException INVALID_INPUT naming the field
     */
    static Warehouse warehouse(Warehouses warehouses, String field, Long id, String code) {
        if (id != null) {
            if (id <= 0) {
                throw DmsException.invalid(field + "Id", "wrong_type", "仓库编号应为正整数",
                        "the warehouse id must be a positive whole number");
            }
            Warehouse byId;
            try {
                byId = warehouses.get(id);
            } catch (DmsException e) {
                if (e.kind() == DmsException.Kind.NOT_FOUND) {
                    throw DmsException.invalid(field + "Id", "warehouse.unknown", "仓库 " + id + " 不存在",
                            "warehouse " + id + " does not exist");
                }
                throw e;
            }
            if (code != null && !code.isBlank()) {
                agree(field, warehouse(warehouses, field, null, code).id() == byId.id(), "仓库", "warehouse");
            }
            return byId;
        }
        return warehouseByCode(warehouses, field, code);
    }

    /**
     * As {@link #warehouse(Warehouses, String, Long, String)}, but adding what is wrong to {@code wrong} instead of
     * throwing, so the rest of the request is checked too: a code that does not agree with a good id is added and the
     * id's warehouse returned (its bins can still be checked); null when no warehouse could be found.
     */
    static Warehouse warehouse(Warehouses warehouses, String field, Long id, String code, List<Violation> wrong) {
        try {
            return warehouse(warehouses, field, id, code);
        } catch (DmsException e) {
            if (e.kind() != DmsException.Kind.INVALID_INPUT) {
                throw e;
            }
            wrong.addAll(e.violations());
            if (id == null || id <= 0 || !e.violations().stream().allMatch(v -> v.field().equals(field))) {
                return null;
            }
            return warehouses.get(id);
        }
    }

    private static Warehouse warehouseByCode(Warehouses warehouses, String field, String code) {
        String c = clean(code);
        if (c == null || c.isEmpty()) {
            throw DmsException.invalid(field, "required", "请给出仓库（编号或代码）",
                    "give the warehouse (its id or code)");
        }
        if (c.length() > 20) {
            throw DmsException.invalid(field, "too_long", "仓库代码过长（最多 20 个字符）",
                    "the warehouse code is too long (at most 20 characters)");
        }
        return warehouses.byCode(c).orElseThrow(() -> DmsException.invalid(field, "warehouse.unknown",
                "仓库“" + c + "”不存在", "warehouse '" + c + "' does not exist"));
    }
}
