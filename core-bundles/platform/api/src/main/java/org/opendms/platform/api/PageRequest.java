package org.opendms.platform.api;

/**
 * Which page of a result list to return; pages count from 0. Bounded everywhere the same way: 1 to {@value #MAX_SIZE}
 * items a page, and no page that starts beyond 10,000,000 items (a page number so large that its offset
 * would not even fit a number is a clear 400 naming {@code page}, never an overflow).
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;
    /**
     * The most items a page may skip (10,000,000): beyond this, narrow the search instead of paging on. Not public
     * yet, to keep the API package's version; the refusal names the last page allowed for the size asked.
     */
    private static final int MAX_OFFSET = 10_000_000;

    /** Refuses numbers out of range, naming the field that is wrong. */
    public PageRequest {
        Violations v = new Violations();
        boolean sizeOk = size >= 1 && size <= MAX_SIZE;
        if (!sizeOk) {
            v.add("size", "out_of_range", "size 必须在 1 到 " + MAX_SIZE + " 之间", "size must be between 1 and " + MAX_SIZE);
        }
        if (page < 0) {
            v.add("page", "out_of_range", "page 不能小于 0", "page must be 0 or more");
        } else if (sizeOk && page > lastPage(size)) {
            long last = lastPage(size);
            v.add("page", "out_of_range", "page 超出范围：每页 " + size + " 条时最多到第 " + last + " 页（请缩小查询条件）",
                    "page is out of range: with size " + size + " it can be at most " + last + " (narrow the search)");
        }
        v.throwIfAny();
    }

    /** Validates the numbers a user typed (absent ones take their defaults), naming the field that is wrong. */
    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    /** The last page number allowed with pages of {@code size} items. */
    static int lastPage(int size) {
        return MAX_OFFSET / size;
    }

    /** How many items come before this page. */
    public int offset() {
        return page * size;
    }
}
