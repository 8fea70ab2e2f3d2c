package org.opendms.platform.api.jpa;

import javax.persistence.OptimisticLockException;

import org.opendms.platform.api.DmsException;

/**
 * The refusal of a change made to a version the user read when someone else has changed the record since: CONFLICT
 * with code {@value #CODE}, the same words for every record.
 *
 * <pre>
 * StaleVersion.check(e.version, expectedVersion, "客户资料", "the customer");
 * </pre>
 */
public final class StaleVersion {

    /** The violation's code. */
    public static final String CODE = "stale_version";

    private StaleVersion() {
    }

    /**
     * Refuses unless the stored version is the one the user read.
     *
     * @param whatZh the record, e.g. "客户资料", "工单 WO20261122-0001"
     * @param whatEn the same in English, e.g. "the customer", "work order WO20261122-0001"
     */
    public static void check(long current, long expected, String whatZh, String whatEn) {
        if (current != expected) {
            throw refusal("version", current, expected, whatZh, whatEn);
        }
    }

    /** The refusal naming both versions, for the field of the request that carried the version read. */
    public static DmsException refusal(String field, long current, long expected, String whatZh, String whatEn) {
        return DmsException.conflict(field, CODE,
                whatZh + "已被他人修改（当前版本 " + current + "，您修改的是版本 " + expected + "），请重新读取后再改",
                whatEn + " was changed by someone else (now version " + current + ", you edited version " + expected
                        + "); re-read and try again");
    }

    /** The refusal when only the database noticed (an optimistic lock failure at commit). */
    public static DmsException refusal(String whatZh, String whatEn) {
        return DmsException.conflict("version", CODE, whatZh + "已被他人修改，请重新读取后再改",
                whatEn + " was changed by someone else; re-read and try again");
    }

    /**
     * True when the failure is JPA's optimistic lock failure (another transaction committed the row first), also when
     * only the provider's own exception says so (EclipseLink's, under a failed commit).
     */
    public static boolean isOptimisticLock(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException
                    || "org.eclipse.persistence.exceptions.OptimisticLockException".equals(t.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
