package org.opendms.plugin.manager;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.opendms.platform.api.DmsException;
import org.opendms.platform.api.Violation;

/**
 * Turns what the OSGi resolver or the Karaf deployer says into a sentence an admin can act on: which package (and
 * version) or service the plugin needs that this platform lacks, or which file could not be fetched.
 */
final class RefusalReasons {

    /** A reason in both languages. */
    record Reason(String zh, String en) {
    }

    private static final Pattern UNRESOLVED = Pattern.compile(
            "Unable to resolve ([^:\\s]+): missing requirement \\[[^\\]]*\\] ([\\w.]+); (.*?)(?=\\s*\\[caused by|\\]|$)");
    private static final Pattern PACKAGE = Pattern.compile("osgi\\.wiring\\.package=([\\w.]+)\\)");
    private static final Pattern LOWER = Pattern.compile("\\(version>=([^)]+)\\)");
    private static final Pattern UPPER_EXCLUSIVE = Pattern.compile("\\(!\\(version>=([^)]+)\\)\\)");
    private static final Pattern SERVICE = Pattern.compile("objectClass=([\\w.]+)");
    private static final Pattern DOWNLOAD = Pattern.compile("(?:Error downloading|Could not (?:find|download)|"
            + "Unable to (?:open|find)|java\\.io\\.FileNotFoundException:?)\\s*(\\S+)");

    private RefusalReasons() {
    }

    /**
     * @param plugin   the plugin id
     * @param failure  what the resolver or deployer threw
     * @param exported the versions of a package this platform exports (empty if none)
     */
    static Reason explain(String plugin, Throwable failure, Function<String, List<String>> exported) {
        String message = messages(failure);
        Matcher m = UNRESOLVED.matcher(message);
        String who = null;
        String namespace = null;
        String requirement = null;
        while (m.find()) {
            // the innermost "caused by" is the real reason; the outer ones only say who needed it
            who = m.group(1);
            namespace = m.group(2);
            requirement = m.group(3);
        }
        if (namespace != null) {
            return explainRequirement(plugin, who, namespace, requirement, exported);
        }
        Matcher d = DOWNLOAD.matcher(message);
        if (d.find()) {
            String what = d.group(1);
            return new Reason("插件 " + plugin + " 的文件无法取得：" + what + "（请检查仓库地址或文件是否存在）",
                    "a file of plugin " + plugin + " cannot be fetched: " + what
                            + " (check the repository address and that the file exists)");
        }
        return new Reason("插件 " + plugin + " 无法安装：" + message, "plugin " + plugin + " cannot be installed: " + message);
    }

    /** The framework did not finish refreshing the plugin's bundles in time: nobody knows how the plugin stands. */
    static Reason refreshTimedOut(String plugin, Duration timeout) {
        boolean whole = timeout.toMillis() % 1000 == 0;
        String zh = whole ? timeout.toSeconds() + " 秒" : timeout.toMillis() + " 毫秒";
        String en = whole ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        return new Reason("插件 " + plugin + " 的刷新在 " + zh + " 内没有完成（超时），插件状态不明；请查看 karaf.log，再不带仓库地址更新以重新加载",
                "the refresh of plugin " + plugin + " did not finish within " + en + " (timed out), so its state is "
                        + "unknown; check karaf.log, then update it without a repository to reload it");
    }

    /** A refusal's first violation in both languages, as the operation record and the status show it. */
    static String bothLanguages(DmsException e) {
        Violation v = e.violations().get(0);
        return v.messageZh() + " / " + v.messageEn();
    }

    /** Plugin management cannot answer now (Karaf or the dealer home failed to answer). */
    static DmsException unavailable(Exception e) {
        return new DmsException(DmsException.Kind.UNAVAILABLE, List.of(new Violation("plugin", "plugin.unavailable",
                "插件管理暂不可用：" + e.getMessage(), "plugin management is unavailable: " + e.getMessage())));
    }

    private static Reason explainRequirement(String plugin, String who, String namespace, String requirement,
            Function<String, List<String>> exported) {
        if ("osgi.wiring.package".equals(namespace)) {
            Matcher p = PACKAGE.matcher(requirement);
            if (p.find()) {
                String pkg = p.group(1);
                String range = range(requirement);
                List<String> have = exported.apply(pkg);
                String haveZh = have.isEmpty() ? "本平台没有这个包" : "本平台提供的是 " + String.join("、", have);
                String haveEn = have.isEmpty() ? "this platform has no such package"
                        : "this platform has " + String.join(", ", have);
                return new Reason("插件 " + plugin + " 与本平台不兼容：" + who + " 需要 " + pkg + " " + range + "，" + haveZh,
                        "plugin " + plugin + " is incompatible with this platform: " + who + " needs " + pkg + " "
                                + range + "; " + haveEn);
            }
        }
        if ("osgi.service".equals(namespace)) {
            Matcher s = SERVICE.matcher(requirement);
            String service = s.find() ? s.group(1) : requirement;
            return new Reason("插件 " + plugin + " 与本平台不兼容：" + who + " 需要服务 " + service + "，本平台没有",
                    "plugin " + plugin + " is incompatible with this platform: " + who + " needs service " + service
                            + ", which this platform does not offer");
        }
        if ("osgi.identity".equals(namespace)) {
            return new Reason("插件 " + plugin + " 缺少组成部分：" + who + " 需要 " + requirement,
                    "plugin " + plugin + " is incomplete: " + who + " needs " + requirement);
        }
        return new Reason("插件 " + plugin + " 与本平台不兼容：" + who + " 需要 " + namespace + " " + requirement,
                "plugin " + plugin + " is incompatible with this platform: " + who + " needs " + namespace + " "
                        + requirement);
    }

    /** "[2.0.0, 3.0.0)" from a filter's version clauses; "(any version)" when it has none. */
    static String range(String filter) {
        Matcher low = LOWER.matcher(filter);
        String from = null;
        while (low.find()) {
            // the first (version>=…) not inside a (!…) is the lower bound
            int start = low.start();
            if (start < 2 || !filter.startsWith("(!", start - 2)) {
                from = low.group(1);
                break;
            }
        }
        Matcher up = UPPER_EXCLUSIVE.matcher(filter);
        String to = up.find() ? up.group(1) : null;
        if (from == null && to == null) {
            return "(any version)";
        }
        return "[" + (from == null ? "0" : from) + ", " + (to == null ? "∞" : to) + ")";
    }

    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && all.indexOf(t.getMessage()) < 0) {
                if (all.length() > 0) {
                    all.append(" | ");
                }
                all.append(t.getMessage());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return all.length() == 0 ? failure.getClass().getName() : all.toString();
    }
}
