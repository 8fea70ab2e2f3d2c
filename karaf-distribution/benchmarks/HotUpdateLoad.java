import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives GET requests against a running OpenDMS platform while one of its plugins is hot-updated, then reports what
 * the clients saw: requests sent and failed on core endpoints and on the plugin's endpoints, how long the plugin's
 * endpoints were away, how long the update call took, the plugin version before and after, and core latency before,
 * during and after the update.
 *
 * <p>Single file, JDK only: {@code java HotUpdateLoad.java --help}. Usually started by {@code hot-update.sh}, which
 * also builds a newer version of the plugin when none is given.
 *
 * <p>Exit status: 0 when every core request succeeded, the update call succeeded, the plugin runs a different
 * version afterwards (the expected one, if given), is ACTIVE and its endpoints answer again; 1 otherwise; 2 on bad
 * arguments or when the platform is not ready to be measured (nothing was updated then).
 */
public class HotUpdateLoad {

    static final String USAGE = """
            Usage: java HotUpdateLoad.java --repository URI [options]
                   java HotUpdateLoad.java --status [options]

            Loads a running OpenDMS platform with GET requests, hot-updates a plugin through
            POST /api/plugins/<id>/update while the load runs, and reports what the clients saw.

              --url URL              base URL of the platform (default http://127.0.0.1:8181)
              --plugin ID            plugin id (default insurance)
              --repository URI       feature repository offering the new version (file:/..., mvn:..., http(s):...)
              --expect-version V     fail unless the plugin runs version V afterwards
              --user USER:PASS       account for the load requests (default advisor:demo)
              --admin USER:PASS      account for the plugin manager (default admin:demo)
              --core-threads N       client threads on core endpoints (default 4)
              --plugin-threads M     client threads on the plugin's endpoints (default 1)
              --core-paths LIST      comma-separated core paths
                                     (default /api/customers?size=1,/api/vehicles?size=1,/api/health)
              --plugin-paths LIST    comma-separated plugin paths (default for insurance:
                                     /api/insurance/renewals,/api/insurance/policies; required for other plugins)
              --warmup SECONDS       load before the update is triggered (default 3)
              --after SECONDS        load kept after the update call returned and the plugin answers again (default 5)
              --comeback-timeout S   how long to wait for the plugin to answer after the update returned (default 120)
              --update-timeout S     timeout of the update call (default 600)
              --request-timeout S    timeout of each load request (default 10)
              --think-ms MS          pause between two requests of one thread (default 0: closed loop, no pause)
              --status               print the plugin's status (version=, state=, title=, repository=, bundle= lines)
                                     and exit; used by hot-update.sh
              --help                 this text

            Exit status: 0 pass; 1 a core request failed, the update failed, the version did not change
            (or is not the expected one), the plugin is not ACTIVE or its endpoints did not come back;
            2 bad arguments or platform not ready (nothing updated).
            """;

    // ------------------------------------------------------------------ options

    static final class Options {
        String url = "http://127.0.0.1:8181";
        String plugin = "insurance";
        String repository;
        String expectVersion;
        String user = "advisor:demo";
        String admin = "admin:demo";
        int coreThreads = 4;
        int pluginThreads = 1;
        List<String> corePaths = List.of("/api/customers?size=1", "/api/vehicles?size=1", "/api/health");
        List<String> pluginPaths;
        double warmup = 3;
        double after = 5;
        double comebackTimeout = 120;
        double updateTimeout = 600;
        double requestTimeout = 10;
        long thinkMs = 0;
        boolean status;
        boolean help;
    }

    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static final java.util.Set<String> VALUED = java.util.Set.of("--url", "--plugin", "--repository",
            "--expect-version", "--user", "--admin", "--core-threads", "--plugin-threads", "--core-paths",
            "--plugin-paths", "--warmup", "--after", "--comeback-timeout", "--update-timeout", "--request-timeout",
            "--think-ms");

    static Options parse(String[] args) throws UsageException {
        Options o = new Options();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
                a = a.substring(0, eq);
            }
            switch (a) {
                case "--help", "-h" -> o.help = true;
                case "--status" -> o.status = true;
                default -> {
                    if (!VALUED.contains(a)) {
                        throw new UsageException((a.startsWith("-") ? "unknown option: " : "unexpected argument: ") + a);
                    }
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(a + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (a) {
                        case "--url" -> o.url = stripSlash(requireText(a, value));
                        case "--plugin" -> o.plugin = pluginId(value);
                        case "--repository" -> o.repository = requireText(a, value);
                        case "--expect-version" -> o.expectVersion = requireText(a, value);
                        case "--user" -> o.user = credentials(a, value);
                        case "--admin" -> o.admin = credentials(a, value);
                        case "--core-threads" -> o.coreThreads = intIn(a, value, 1, 256);
                        case "--plugin-threads" -> o.pluginThreads = intIn(a, value, 1, 256);
                        case "--core-paths" -> o.corePaths = paths(a, value);
                        case "--plugin-paths" -> o.pluginPaths = paths(a, value);
                        case "--warmup" -> o.warmup = seconds(a, value, 0);
                        case "--after" -> o.after = seconds(a, value, 0);
                        case "--comeback-timeout" -> o.comebackTimeout = seconds(a, value, 0.1);
                        case "--update-timeout" -> o.updateTimeout = seconds(a, value, 1);
                        case "--request-timeout" -> o.requestTimeout = seconds(a, value, 0.1);
                        case "--think-ms" -> o.thinkMs = intIn(a, value, 0, 60_000);
                        default -> throw new UsageException("unknown option: " + a);
                    }
                }
            }
        }
        if (o.help) {
            return o;
        }
        URI base;
        try {
            base = new URI(o.url);
        } catch (Exception e) {
            throw new UsageException("--url is not a URL: " + o.url);
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new UsageException("--url must be http(s)://host:port, not " + o.url);
        }
        if (o.pluginPaths == null) {
            if (!o.plugin.equals("insurance") && !o.status) {
                throw new UsageException("--plugin-paths is required for plugin " + o.plugin
                        + " (which of its endpoints to load)");
            }
            o.pluginPaths = List.of("/api/insurance/renewals", "/api/insurance/policies");
        }
        if (!o.status && o.repository == null) {
            throw new UsageException("--repository is required (the feature repository of the new version)");
        }
        return o;
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    static String requireText(String option, String value) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value.trim();
    }

    static String pluginId(String value) throws UsageException {
        if (!value.matches("[a-z][a-z0-9-]{0,62}")) {
            throw new UsageException("--plugin must be a plugin id like insurance (lower case letters, digits, -), not "
                    + value);
        }
        return value;
    }

    static String credentials(String option, String value) throws UsageException {
        if (value.indexOf(':') < 1) {
            throw new UsageException(option + " must be USER:PASSWORD");
        }
        return value;
    }

    static int intIn(String option, String value, int min, int max) throws UsageException {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a whole number from " + min + " to " + max + ", not " + value);
        }
    }

    static double seconds(String option, String value, double min) throws UsageException {
        try {
            double d = Double.parseDouble(value.trim());
            if (!(d >= min) || d > 86_400) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " must be a number of seconds of at least " + min + ", not " + value);
        }
    }

    static List<String> paths(String option, String value) throws UsageException {
        List<String> result = new ArrayList<>();
        for (String p : value.split(",")) {
            p = p.trim();
            if (p.isEmpty()) {
                continue;
            }
            if (!p.startsWith("/")) {
                throw new UsageException(option + ": each path must start with /, not " + p);
            }
            result.add(p);
        }
        if (result.isEmpty()) {
            throw new UsageException(option + " needs at least one path");
        }
        return List.copyOf(result);
    }

    // ------------------------------------------------------------------ entry

    public static void main(String[] args) {
        // UTF-8 whatever the locale: plugin titles and problem messages are Chinese and English
        System.setOut(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8));
        // a refused connection is a failure to report, not something for the client to retry quietly
        System.setProperty("jdk.httpclient.disableRetryConnect", "true");
        int code;
        try {
            Options o = parse(args);
            if (o.help) {
                System.out.print(USAGE);
                code = 0;
            } else {
                code = o.status ? printStatus(o) : new HotUpdateLoad(o).run();
            }
        } catch (UsageException e) {
            System.err.println("HotUpdateLoad: " + e.getMessage());
            System.err.println("Try: java HotUpdateLoad.java --help");
            code = 2;
        } catch (InterruptedException e) {
            System.err.println("HotUpdateLoad: interrupted");
            code = 2;
        }
        System.exit(code);
    }

    // ------------------------------------------------------------------ plugin status

    /** What GET /api/plugins/{id} says; {@code error} is set instead when it could not be read. */
    record Status(String version, String state, String title, String repository, String problem,
            List<String> bundles, String error) {
    }

    static Status status(HttpClient client, Options o) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(o.url + "/api/plugins/"
                        + URLEncoder.encode(o.plugin, StandardCharsets.UTF_8)))
                .header("Authorization", basic(o.admin)).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                return new Status(null, null, null, null, null, List.of(),
                        "GET /api/plugins/" + o.plugin + " -> HTTP " + r.statusCode() + " " + snippet(r.body(), 300));
            }
            Object parsed = Json.parse(r.body());
            if (!(parsed instanceof Map<?, ?> m)) {
                return new Status(null, null, null, null, null, List.of(), "not a JSON object: " + snippet(r.body(), 300));
            }
            List<String> bundles = new ArrayList<>();
            if (m.get("bundles") instanceof List<?> l) {
                l.forEach(b -> bundles.add(String.valueOf(b)));
            }
            return new Status(text(m.get("version")), text(m.get("state")), text(m.get("title")),
                    text(m.get("repository")), text(m.get("problem")), bundles, null);
        } catch (IOException | RuntimeException e) {
            return new Status(null, null, null, null, null, List.of(),
                    "GET /api/plugins/" + o.plugin + " failed: " + describe(e));
        }
    }

    static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    static int printStatus(Options o) throws InterruptedException {
        Status s = status(newClient(), o);
        if (s.error() != null) {
            System.err.println("HotUpdateLoad: " + s.error());
            return 2;
        }
        System.out.println("version=" + oneLine(s.version()));
        System.out.println("state=" + oneLine(s.state()));
        System.out.println("title=" + oneLine(s.title()));
        System.out.println("repository=" + oneLine(s.repository()));
        for (String b : s.bundles()) {
            System.out.println("bundle=" + oneLine(b));
        }
        return 0;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }

    // ------------------------------------------------------------------ the run

    private final Options o;
    private volatile boolean stop;
    /** Start time (nanoTime) of the latest plugin request that succeeded. */
    private final AtomicLong lastPluginSuccessStart = new AtomicLong(Long.MIN_VALUE);

    HotUpdateLoad(Options o) {
        this.o = o;
    }

    int run() throws InterruptedException {
        HttpClient admin = newClient();
        Status before = status(admin, o);
        if (before.error() != null) {
            System.err.println("HotUpdateLoad: cannot read the plugin's status: " + before.error());
            return 2;
        }
        if (!"ACTIVE".equals(before.state())) {
            System.err.println("HotUpdateLoad: plugin " + o.plugin + " is " + before.state()
                    + (before.problem() == null ? "" : " (" + before.problem() + ")")
                    + "; enable it and let it start before measuring an update, e.g. curl -u admin:demo -X POST -H 'Content-Type: application/json' "
                    + o.url + "/api/plugins/" + o.plugin + "/enable");
            return 2;
        }
        // every endpoint must answer before the load starts, or failures would not be the update's doing
        HttpClient check = newClient();
        List<String> notReady = new ArrayList<>();
        for (String p : concat(o.corePaths, o.pluginPaths)) {
            String failure = precheck(check, p);
            if (failure != null) {
                notReady.add(p + " -> " + failure);
            }
        }
        if (!notReady.isEmpty()) {
            System.err.println("HotUpdateLoad: not every endpoint answers before the update, nothing was changed:");
            notReady.forEach(n -> System.err.println("  " + n));
            return 2;
        }

        System.out.println("Hot update of plugin " + o.plugin + " at " + o.url);
        System.out.println("  repository     " + o.repository);
        System.out.printf(Locale.ROOT, "  load           %d core thread(s) over %s%n", o.coreThreads, o.corePaths);
        System.out.printf(Locale.ROOT, "                 %d plugin thread(s) over %s, as %s%n", o.pluginThreads,
                o.pluginPaths, user(o.user));
        System.out.printf(Locale.ROOT, "  phases         warm-up %s s, update, wait for the plugin, %s s more%n",
                num(o.warmup), num(o.after));
        System.out.flush();

        List<Worker> core = new ArrayList<>();
        List<Worker> plugin = new ArrayList<>();
        for (int i = 0; i < o.coreThreads; i++) {
            core.add(new Worker("core-" + i, o.corePaths, i, false));
        }
        for (int i = 0; i < o.pluginThreads; i++) {
            plugin.add(new Worker("plugin-" + i, o.pluginPaths, i, true));
        }
        long loadStart = System.nanoTime();
        concat(core, plugin).forEach(Thread::start);
        Thread.sleep(Math.round(o.warmup * 1000));

        // the update
        String body = "{\"repository\":\"" + Json.escape(o.repository) + "\"}";
        HttpRequest update = HttpRequest.newBuilder(URI.create(o.url + "/api/plugins/"
                        + URLEncoder.encode(o.plugin, StandardCharsets.UTF_8) + "/update"))
                .header("Authorization", basic(o.admin)).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMillis(Math.round(o.updateTimeout * 1000)))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        System.out.println("  update         POST /api/plugins/" + o.plugin + "/update at +" + num(o.warmup) + " s ...");
        System.out.flush();
        int updateStatus;
        String updateAnswer;
        long updateSent = System.nanoTime();
        try {
            HttpResponse<String> r = admin.send(update, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            updateStatus = r.statusCode();
            updateAnswer = r.body();
        } catch (IOException e) {
            updateStatus = -1;
            updateAnswer = describe(e);
        }
        long updateReturned = System.nanoTime();

        // the plugin answers again: a request sent after the update call returned has succeeded
        long comebackDeadline = updateReturned + Math.round(o.comebackTimeout * 1e9);
        while (lastPluginSuccessStart.get() < updateReturned && System.nanoTime() < comebackDeadline
                && pluginAlive(plugin)) {
            Thread.sleep(10);
        }
        boolean back = lastPluginSuccessStart.get() >= updateReturned;
        long backSeen = System.nanoTime();
        if (back) {
            Thread.sleep(Math.round(o.after * 1000));
        }
        stop = true;
        for (Worker w : concat(core, plugin)) {
            w.join();
        }
        long loadEnd = System.nanoTime();
        Status after = status(admin, o);

        return report(new Run(loadStart, updateSent, updateReturned, loadEnd, updateStatus, updateAnswer, back,
                backSeen), before, after, core, plugin);
    }

    private static boolean pluginAlive(List<Worker> plugin) {
        return plugin.stream().anyMatch(Thread::isAlive);
    }

    private String precheck(HttpClient client, String path) throws InterruptedException {
        try {
            HttpResponse<String> r = client.send(get(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return r.statusCode() / 100 == 2 ? null : "HTTP " + r.statusCode() + " " + snippet(r.body(), 200);
        } catch (IOException e) {
            return describe(e);
        }
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(o.url + path))
                .header("Authorization", basic(o.user)).header("Accept", "application/json")
                .timeout(Duration.ofMillis(Math.round(o.requestTimeout * 1000))).GET().build();
    }

    // ------------------------------------------------------------------ load workers

    /** One client thread: GETs its paths round robin until told to stop, recording every request. */
    final class Worker extends Thread {
        final List<String> paths;
        final boolean isPlugin;
        final int offset;
        final HttpClient client = newClient();
        final Records records = new Records();

        Worker(String name, List<String> paths, int offset, boolean isPlugin) {
            super(name);
            setDaemon(true);
            this.paths = paths;
            this.offset = offset;
            this.isPlugin = isPlugin;
        }

        @Override
        public void run() {
            HttpRequest[] requests = paths.stream().map(HotUpdateLoad.this::get).toArray(HttpRequest[]::new);
            long n = offset;
            while (!stop) {
                int which = (int) (n++ % requests.length);
                long start = System.nanoTime();
                int status;
                String failure = null;
                try {
                    HttpResponse<String> r = client.send(requests[which],
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    status = r.statusCode();
                    if (status / 100 != 2) {
                        failure = "HTTP " + status + " " + snippet(r.body(), 160);
                    }
                } catch (HttpTimeoutException e) {
                    status = -2;
                    failure = describe(e);
                } catch (IOException e) {
                    status = -1;
                    failure = describe(e);
                } catch (InterruptedException e) {
                    return;
                }
                long end = System.nanoTime();
                records.add(start, end, which, status, failure);
                if (isPlugin && failure == null) {
                    lastPluginSuccessStart.accumulateAndGet(start, Math::max);
                }
                if (o.thinkMs > 0) {
                    try {
                        Thread.sleep(o.thinkMs);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        }
    }

    /** Every request of one thread, in columns (no object per request). */
    static final class Records {
        long[] start = new long[1 << 14];
        long[] end = new long[1 << 14];
        int[] path = new int[1 << 14];
        int[] status = new int[1 << 14];
        int size;
        /** The first failures in detail, keyed by request index. */
        final Map<Integer, String> failures = new LinkedHashMap<>();
        /** Failures by kind ("HTTP 404", "ConnectException", …). */
        final Map<String, Integer> kinds = new TreeMap<>();

        void add(long s, long e, int p, int st, String failure) {
            if (size == start.length) {
                int n = size * 2;
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                path = Arrays.copyOf(path, n);
                status = Arrays.copyOf(status, n);
            }
            start[size] = s;
            end[size] = e;
            path[size] = p;
            status[size] = st;
            if (failure != null) {
                if (failures.size() < 10) {
                    failures.put(size, failure);
                }
                kinds.merge(kind(st, failure), 1, Integer::sum);
            }
            size++;
        }

        boolean failed(int i) {
            return status[i] / 100 != 2;
        }

        static String kind(int status, String failure) {
            if (status > 0) {
                return "HTTP " + status;
            }
            int colon = failure.indexOf(':');
            return colon > 0 ? failure.substring(0, colon) : failure;
        }
    }

    // ------------------------------------------------------------------ report

    record Run(long loadStart, long updateSent, long updateReturned, long loadEnd, int updateStatus,
            String updateAnswer, boolean pluginBack, long backSeen) {
    }

    /** One request, for sorting and reporting across threads. */
    record Req(long start, long end, int path, int status, String failure, String thread) {
        boolean failed() {
            return status / 100 != 2;
        }
    }

    static List<Req> merged(List<Worker> workers) {
        List<Req> all = new ArrayList<>();
        for (Worker w : workers) {
            Records r = w.records;
            for (int i = 0; i < r.size; i++) {
                all.add(new Req(r.start[i], r.end[i], r.path[i], r.status[i], r.failures.get(i), w.getName()));
            }
        }
        all.sort((a, b) -> Long.compare(a.end(), b.end()));
        return all;
    }

    int report(Run run, Status before, Status after, List<Worker> core, List<Worker> plugin) {
        List<Req> coreReqs = merged(core);
        List<Req> pluginReqs = merged(plugin);
        List<String> problems = new ArrayList<>();
        long t0 = run.updateSent();
        double updateSeconds = (run.updateReturned() - run.updateSent()) / 1e9;

        System.out.println();
        System.out.println("== Update call");
        boolean updateOk = run.updateStatus() / 100 == 2;
        System.out.printf(Locale.ROOT, "  POST /api/plugins/%s/update -> %s in %.3f s%n", o.plugin,
                run.updateStatus() > 0 ? "HTTP " + run.updateStatus() : "no answer", updateSeconds);
        if (!updateOk) {
            System.out.println("  answer: " + snippet(run.updateAnswer(), 600));
            problems.add("the update call failed (" + (run.updateStatus() > 0 ? "HTTP " + run.updateStatus()
                    : snippet(run.updateAnswer(), 120)) + ")");
        }

        System.out.println();
        System.out.println("== Plugin version");
        System.out.println("  before         " + before.version() + " (" + before.state() + ")");
        if (after.error() != null) {
            System.out.println("  after          unknown: " + after.error());
            problems.add("the plugin's status could not be read after the update");
        } else {
            System.out.println("  after          " + after.version() + " (" + after.state() + ")"
                    + (after.problem() == null ? "" : " — " + after.problem()));
            after.bundles().forEach(b -> System.out.println("                   " + b));
            if (sameVersion(before.version(), after.version())) {
                problems.add("the plugin's version did not change (" + after.version() + ")");
            }
            if (o.expectVersion != null && !sameVersion(o.expectVersion, after.version())) {
                problems.add("the plugin runs " + after.version() + ", not the expected " + o.expectVersion);
            }
            if (!"ACTIVE".equals(after.state())) {
                problems.add("the plugin is " + after.state() + " after the update, not ACTIVE");
            }
        }

        System.out.println();
        System.out.println("== Core endpoints (" + o.coreThreads + " thread(s), as " + user(o.user) + ")");
        int coreFailed = printCounts(coreReqs, o.corePaths, core, t0);
        if (coreFailed > 0) {
            problems.add(coreFailed + " core request(s) failed");
        }

        System.out.println();
        System.out.println("== Plugin endpoints (" + o.pluginThreads + " thread(s), as " + user(o.user) + ")");
        int pluginFailed = printCounts(pluginReqs, o.pluginPaths, plugin, t0);
        Away away = away(pluginReqs);
        if (away.first() == null) {
            System.out.println("  away           0 s (no failed request)");
        } else if (away.firstBack() == null) {
            System.out.printf(Locale.ROOT, "  away           from %+.3f s and not back by the end of the run (%+.3f s)%n",
                    rel(away.first().end(), t0), rel(run.loadEnd(), t0));
        } else {
            System.out.printf(Locale.ROOT, "  away           %.3f s: first failure done at %+.3f s, first success sent "
                            + "after it done at %+.3f s%n", (away.firstBack().end() - away.first().end()) / 1e9,
                    rel(away.first().end(), t0), rel(away.firstBack().end(), t0));
            if (away.windows() > 1) {
                System.out.printf(Locale.ROOT, "                 %d separate outages, %.3f s in all; last failure done "
                                + "at %+.3f s%n", away.windows(), away.totalNanos() / 1e9,
                        rel(away.lastFailure().end(), t0));
            }
        }
        Req slowest = slowest(pluginReqs, run.updateSent(), run.updateReturned());
        if (slowest != null) {
            System.out.printf(Locale.ROOT, "  slowest plugin request sent during the update: %.1f ms (%s, sent at %+.3f s)%n",
                    (slowest.end() - slowest.start()) / 1e6, o.pluginPaths.get(slowest.path()),
                    rel(slowest.start(), t0));
        }
        if (!run.pluginBack()) {
            problems.add("the plugin's endpoints did not answer again within " + num(o.comebackTimeout)
                    + " s after the update call returned");
        }

        System.out.println();
        System.out.println("== Core latency (ms, successful requests, by the time they were sent)");
        System.out.println("  phase                  requests     req/s      p50      p99      max");
        latencyRow("before the update", coreReqs, run.loadStart(), run.updateSent());
        latencyRow("during the update", coreReqs, run.updateSent(), run.updateReturned());
        latencyRow("after the update", coreReqs, run.updateReturned(), run.loadEnd());

        System.out.println();
        System.out.printf(Locale.ROOT,
                "RESULT core_sent=%d core_failed=%d plugin_sent=%d plugin_failed=%d plugin_away_s=%s update_s=%.3f "
                        + "update_status=%d version_before=%s version_after=%s%n",
                coreReqs.size(), coreFailed, pluginReqs.size(), pluginFailed,
                away.first() == null ? "0" : away.firstBack() == null ? "not-back"
                        : String.format(Locale.ROOT, "%.3f", (away.firstBack().end() - away.first().end()) / 1e9),
                updateSeconds, run.updateStatus(), before.version(), after.version());
        if (problems.isEmpty()) {
            System.out.println("PASS: no core request failed; the plugin went from " + before.version() + " to "
                    + after.version() + " and answers again");
            return 0;
        }
        System.out.println("FAIL:");
        problems.forEach(p -> System.out.println("  - " + p));
        return 1;
    }

    /** Prints sent/failed in all and per path, failures by kind and the first few; returns the failures. */
    private static int printCounts(List<Req> reqs, List<String> paths, List<Worker> workers, long t0) {
        int failed = 0;
        int[] sentBy = new int[paths.size()];
        int[] failedBy = new int[paths.size()];
        List<Req> failures = new ArrayList<>();
        for (Req r : reqs) {
            sentBy[r.path()]++;
            if (r.failed()) {
                failed++;
                failedBy[r.path()]++;
                if (r.failure() != null) {
                    failures.add(r);
                }
            }
        }
        System.out.printf(Locale.ROOT, "  sent %d, failed %d%n", reqs.size(), failed);
        for (int i = 0; i < paths.size(); i++) {
            System.out.printf(Locale.ROOT, "    %-40s sent %7d  failed %5d%n", paths.get(i), sentBy[i], failedBy[i]);
        }
        if (failed > 0) {
            Map<String, Integer> kinds = new TreeMap<>();
            workers.forEach(w -> w.records.kinds.forEach((k, v) -> kinds.merge(k, v, Integer::sum)));
            System.out.println("  failures by kind: " + kinds);
            System.out.println("  first failures (time from the update call):");
            failures.sort((a, b) -> Long.compare(a.end(), b.end()));
            for (Req r : failures.subList(0, Math.min(5, failures.size()))) {
                System.out.printf(Locale.ROOT, "    %+.3f s  %s  GET %s -> %s%n", rel(r.end(), t0), r.thread(),
                        paths.get(r.path()), r.failure());
            }
        }
        return failed;
    }

    /**
     * The plugin's absence as its clients saw it, in completion times: from the first failed request to the first
     * successful request sent after that failure; then any further outages the same way.
     */
    record Away(Req first, Req firstBack, Req lastFailure, int windows, long totalNanos) {
    }

    static Away away(List<Req> byEnd) {
        Req first = null;
        Req firstBack = null;
        Req last = null;
        Req open = null;
        int windows = 0;
        long total = 0;
        for (Req r : byEnd) {
            if (r.failed()) {
                last = r;
                if (open == null) {
                    open = r;
                    windows++;
                    if (first == null) {
                        first = r;
                    }
                }
            } else if (open != null && r.start() >= open.end()) {
                total += r.end() - open.end();
                if (firstBack == null) {
                    firstBack = r;
                }
                open = null;
            }
        }
        if (open != null) {
            total += byEnd.get(byEnd.size() - 1).end() - open.end();
        }
        return new Away(first, firstBack, last, windows, total);
    }

    static Req slowest(List<Req> reqs, long from, long to) {
        Req slowest = null;
        for (Req r : reqs) {
            if (r.start() >= from && r.start() < to
                    && (slowest == null || r.end() - r.start() > slowest.end() - slowest.start())) {
                slowest = r;
            }
        }
        return slowest;
    }

    static void latencyRow(String phase, List<Req> reqs, long from, long to) {
        long[] lat = reqs.stream().filter(r -> !r.failed() && r.start() >= from && r.start() < to)
                .mapToLong(r -> r.end() - r.start()).sorted().toArray();
        if (lat.length == 0) {
            System.out.printf(Locale.ROOT, "  %-20s %10d%n", phase, 0);
            return;
        }
        double seconds = Math.max((to - from) / 1e9, 1e-9);
        System.out.printf(Locale.ROOT, "  %-20s %10d %9.0f %8.2f %8.2f %8.2f%n", phase, lat.length, lat.length / seconds,
                percentile(lat, 50) / 1e6, percentile(lat, 99) / 1e6, lat[lat.length - 1] / 1e6);
    }

    /** Nearest-rank percentile of sorted values. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ------------------------------------------------------------------ helpers

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    static String user(String userColonPassword) {
        return userColonPassword.substring(0, userColonPassword.indexOf(':'));
    }

    static double rel(long nanos, long t0) {
        return (nanos - t0) / 1e9;
    }

    static String num(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String s = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        if (root != e && !(root.getClass() == e.getClass() && String.valueOf(root.getMessage())
                .equals(String.valueOf(e.getMessage())))) {
            s += " (" + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage())
                    + ")";
        }
        return s;
    }

    static String snippet(String s, int max) {
        if (s == null) {
            return "";
        }
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() <= max ? one : one.substring(0, max) + "...";
    }

    /** Feature versions as the plugin manager compares them: "0.1.0-SNAPSHOT" equals "0.1.0.SNAPSHOT". */
    static boolean sameVersion(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return normalize(a).equals(normalize(b));
    }

    static String normalize(String v) {
        String[] parts = v.trim().replaceFirst("-", ".").split("\\.", 4);
        String[] full = {"0", "0", "0", ""};
        for (int i = 0; i < parts.length; i++) {
            full[i] = i < 3 ? String.valueOf(parseOr(parts[i])) : parts[i];
        }
        return String.join(".", full);
    }

    static long parseOr(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @SafeVarargs
    static <T> List<T> concat(List<? extends T>... lists) {
        List<T> all = new ArrayList<>();
        for (List<? extends T> l : lists) {
            all.addAll(l);
        }
        return all;
    }

    /** Just enough JSON for the plugin manager's answers. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.ws();
            if (j.i != j.s.length()) {
                throw j.error("trailing text");
            }
            return v;
        }

        static String escape(String raw) {
            StringBuilder b = new StringBuilder();
            for (char c : raw.toCharArray()) {
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            b.append(String.format("\\u%04x", (int) c));
                        } else {
                            b.append(c);
                        }
                    }
                }
            }
            return b.toString();
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("bad JSON at " + i + ": " + what);
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            ws();
            if (i >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    ws();
                    if (peek('}')) {
                        return m;
                    }
                    do {
                        ws();
                        if (s.charAt(i) != '"') {
                            throw error("expected a key");
                        }
                        String k = string();
                        ws();
                        expect(':');
                        m.put(k, value());
                        ws();
                    } while (peek(','));
                    expect('}');
                    return m;
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    ws();
                    if (peek(']')) {
                        return l;
                    }
                    do {
                        l.add(value());
                        ws();
                    } while (peek(','));
                    expect(']');
                    return l;
                }
                case '"':
                    return string();
                default:
                    if (s.startsWith("true", i)) {
                        i += 4;
                        return Boolean.TRUE;
                    }
                    if (s.startsWith("false", i)) {
                        i += 5;
                        return Boolean.FALSE;
                    }
                    if (s.startsWith("null", i)) {
                        i += 4;
                        return null;
                    }
                    int from = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    if (from == i) {
                        throw error("unexpected '" + c + "'");
                    }
                    String n = s.substring(from, i);
                    return n.matches("-?\\d+") ? (Object) Long.valueOf(n) : (Object) Double.valueOf(n);
            }
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }
    }
}
