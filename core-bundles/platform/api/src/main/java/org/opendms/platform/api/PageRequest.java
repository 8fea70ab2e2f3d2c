package org.opendms.platform.api;

/** Which page of a result list to return; pages count from 0. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    /** Validates the numbers a user typed, naming the field that is wrong. */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        Violations v = new Violations();
        if (p < 0) {
            v.add("page", "out_of_range", "page 不能小于 0", "page must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            v.add("size", "out_of_range", "size 必须在 1 到 " + MAX_SIZE + " 之间", "size must be between 1 and " + MAX_SIZE);
        }
        v.throwIfAny();
        return new PageRequest(p, s);
    }

    public int offset() {
        return page * size;
    }
}
