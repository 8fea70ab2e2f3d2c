#!/usr/bin/env python3
"""The desk at dealer-group scale (issue 11): creates the data set on the local PostgreSQL, starts the assembled
platform on it, drives the desk's requests with wrk and the same SQL straight to the database with pgbench, and
prints the table: REST req/s and p99, raw req/s, the ratio, and the plan each query used. See README.md here."""

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..', '..'))
WARMUP_ROUND = 5  # seconds per warm-up round (see warm_up)
JIT_QUIET = 30  # a warm-up round that made the JIT compile fewer methods than this counts as compiled (see warm_up)
CORE_ENDPOINTS = ['/api/health', '/api/customers?size=1', '/api/vehicles?size=1', '/api/work-orders?size=1',
                  '/api/appointments?size=1', '/api/staff', '/api/labour-operations', '/api/follow-ups',
                  '/api/permissions']


def log(msg):
    print(msg, flush=True)


def die(msg):
    print('desk-scale: ' + msg, file=sys.stderr)
    sys.exit(2)


class Db:
    def __init__(self, args):
        self.args = args
        self.base = ['-h', args.pg_host, '-p', str(args.pg_port), '-U', args.pg_user]

    def psql(self, sql, db=None, variables=None, file=None, quiet=True):
        cmd = ['psql', *self.base, '-d', db or self.args.db, '-X', '-v', 'ON_ERROR_STOP=1']
        if quiet:
            cmd += ['-At', '-q']
        for k, v in (variables or {}).items():
            cmd += ['-v', f'{k}={v}']
        cmd += ['-f', file] if file else ['-c', sql]
        out = subprocess.run(cmd, capture_output=quiet, text=True)
        if out.returncode != 0:
            die(f'psql failed: {sql or file}\n{out.stderr if quiet else ""}')
        return out.stdout.strip() if quiet else ''

    def rows(self, sql):
        text = self.psql(sql)
        return [line.split('|') for line in text.splitlines() if line]

    def exists(self):
        return self.psql(f"SELECT count(*) FROM pg_database WHERE datname = '{self.args.db}'", db='postgres') == '1'

    def table_rows(self, table):
        have = self.psql(f"SELECT count(*) FROM information_schema.tables WHERE table_name = '{table}'")
        if have != '1':
            return 0
        return int(self.psql(f'SELECT count(*) FROM (SELECT 1 FROM {table} LIMIT 1) t'))


class Platform:
    """A copy of the assembled distribution in a folder of its own, on PostgreSQL, its ports moved by the offset."""

    def __init__(self, args):
        self.args = args
        self.home = os.path.join(args.work, 'platform')
        self.url = f'http://127.0.0.1:{8181 + args.port_offset}'
        self.auth = 'Basic ' + base64.b64encode(args.user.encode()).decode()

    def unpack(self):
        source = self.args.home
        if not os.path.isdir(os.path.join(source, 'system')):
            die(f'{source} is not a built distribution (no system/); run mvn install first or give --home')
        if os.path.exists(self.home):
            if self.pid():
                self.stop()  # left running by an earlier run
            shutil.rmtree(self.home, ignore_errors=True)
            if os.path.exists(self.home):
                shutil.rmtree(self.home)
        shutil.copytree(source, self.home, symlinks=True)
        off = self.args.port_offset
        self.replace('etc/org.ops4j.pax.web.cfg', 'org.osgi.service.http.port = 8181',
                     f'org.osgi.service.http.port = {8181 + off}')
        self.replace('etc/org.apache.karaf.shell.cfg', 'sshPort = 8101', f'sshPort = {8101 + off}')
        self.replace('etc/org.apache.karaf.management.cfg', 'rmiRegistryPort = 1099', f'rmiRegistryPort = {1099 + off}')
        self.replace('etc/org.apache.karaf.management.cfg', 'rmiServerPort = 44444', f'rmiServerPort = {44444 + off}')
        a = self.args
        with open(os.path.join(self.home, 'etc', 'org.ops4j.datasource-dms.cfg'), 'w') as f:
            f.write('# written by desk-scale.py: the benchmark database\n'
                    'osgi.jdbc.driver.name = PostgreSQL JDBC Driver\ndataSourceName = dms\n'
                    f'url = jdbc:postgresql://{a.pg_host}:{a.pg_port}/{a.db}\nuser = {a.pg_user}\n'
                    f'password = {a.pg_password}\npool = dbcp2\nxa = false\njdbc.pool.maxTotal = 16\n'
                    'jdbc.pool.testOnBorrow = false\njdbc.pool.testWhileIdle = true\n'
                    'jdbc.pool.timeBetweenEvictionRunsMillis = 30000\n')

    def replace(self, rel, old, new):
        path = os.path.join(self.home, rel)
        with open(path) as f:
            text = f.read()
        if old not in text:
            die(f'{rel} has no "{old}"')
        with open(path, 'w') as f:
            f.write(text.replace(old, new))

    def start(self):
        env = dict(os.environ)
        env.pop('DMS_DEALER_HOME', None)
        started = time.time()
        subprocess.run([os.path.join(self.home, 'bin', 'start')], env=env, check=True)
        return started

    def pid(self):
        out = subprocess.run(['pgrep', '-f', '--', f'-Dkaraf.base={self.home}( |$)'], capture_output=True, text=True)
        pids = out.stdout.split()
        return int(pids[0]) if pids else None

    def stop(self):
        pid = self.pid()
        subprocess.run([os.path.join(self.home, 'bin', 'stop')], capture_output=True)
        for _ in range(120):
            if pid is None or not os.path.exists(f'/proc/{pid}'):
                return
            time.sleep(1)
        os.kill(pid, 9)

    def get(self, path, timeout=10):
        req = urllib.request.Request(self.url + path, headers={'Authorization': self.auth,
                                                              'Accept': 'application/json'})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()
        except (urllib.error.URLError, OSError):
            return None, b''

    def wait_core(self, started, limit):
        """Seconds from start until every core endpoint answered 2xx, and until /api/health did."""
        pending = list(CORE_ENDPOINTS)
        health_at = None
        while pending:
            if time.time() - started > limit:
                die(f'not answering after {limit} s: {pending} (see {self.home}/data/log/karaf.log)')
            path = pending[0]
            status, _ = self.get(path)
            # 403: the endpoint is there and checked the (desk) account's permission
            if status is not None and (200 <= status < 300 or status == 403):
                if path == '/api/health':
                    health_at = time.time() - started
                pending.pop(0)
            else:
                time.sleep(0.25)
        return health_at, time.time() - started

    def wait_plugins(self, started, limit):
        """Until every plugin the dealer enabled is ACTIVE (its bundles started, its changesets applied): a start that
        stops before would leave the plugins' first start to the measured one."""
        admin = 'Basic ' + base64.b64encode(b'admin:demo').decode()
        while True:
            if time.time() - started > limit:
                die(f'plugins not active after {limit} s (see {self.home}/data/log/karaf.log)')
            req = urllib.request.Request(self.url + '/api/plugins', headers={'Authorization': admin,
                                                                            'Accept': 'application/json'})
            try:
                with urllib.request.urlopen(req, timeout=10) as r:
                    plugins = json.loads(r.read())
                if isinstance(plugins, dict):
                    plugins = plugins.get('items', [])
                if all(p.get('state') == 'ACTIVE' for p in plugins if p.get('enabled')):
                    return
            except (urllib.error.URLError, OSError, ValueError):
                pass
            time.sleep(0.5)

    def cpu_seconds(self):
        pid = self.pid()
        with open(f'/proc/{pid}/stat') as f:
            fields = f.read().rsplit(')', 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf('SC_CLK_TCK')

    def rss_mb(self):
        with open(f'/proc/{self.pid()}/status') as f:
            for line in f:
                if line.startswith('VmRSS:'):
                    return int(line.split()[1]) / 1024
        return 0

    def log_text(self):
        path = os.path.join(self.home, 'data', 'log', 'karaf.log')
        try:
            with open(path, errors='replace') as f:
                return f.read()
        except OSError:
            return ''


def lua_script(path, auth, requests):
    """A wrk script sending the requests in turn: (method, path, body or None)."""
    def q(s):
        return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'
    items = ',\n'.join('{' + q(m) + ',' + q(p) + ',' + (q(b) if b is not None else 'nil') + '}'
                       for m, p, b in requests)
    with open(path, 'w') as f:
        f.write(f"""-- written by desk-scale.py
local reqs = {{
{items}
}}
local i = 0
local counter = 0
wrk.headers["Authorization"] = {q(auth)}
wrk.headers["Accept"] = "application/json"
function setup(thread)
  thread:set("offset", counter * 7919)
  counter = counter + 1
end
function init(args)
  i = offset or 0
end
request = function()
  i = i + 1
  local r = reqs[(i % #reqs) + 1]
  if r[3] then
    local h = {{["Content-Type"] = "application/json"}}
    for k, v in pairs(wrk.headers) do h[k] = v end
    return wrk.format(r[1], r[2], h, r[3])
  end
  return wrk.format(r[1], r[2], nil, nil)
end
""")


def wrk_command(platform, script, args, seconds):
    return ['wrk', '-t', str(min(args.connections, 2)), '-c', str(args.connections), '-d', f'{seconds}s',
            '--timeout', '10s', '--latency', '-s', script, platform.url]


def compiled_methods(platform):
    """How many methods the platform's JIT has compiled so far (`jstat -compiler`), or None when it cannot tell."""
    pid = platform.pid()
    if not pid or not shutil.which('jstat'):
        return None
    out = subprocess.run(['jstat', '-compiler', str(pid)], capture_output=True, text=True).stdout.split('\n')
    try:
        return int(out[1].split()[0])
    except (IndexError, ValueError):
        return None


def warm_up(platform, script, args):
    """Sends the row's requests, not counted, for at least --warmup seconds and then until the rate stops rising and
    the JIT has stopped compiling: a desk platform runs all day, so a row is measured once the JIT has compiled its
    path, not while it still does (right after a start that takes about 30 s of load on 2 cores; the rate climbs from
    a tenth to its plateau, and C2 may go on compiling the path's larger methods for a while after; session 20 found
    every measured row's JIT already quiet, so a row's p99 tail had another cause there). Rounds of WARMUP_ROUND
    seconds; steady when a round is less than 5 % faster than the one before and compiled fewer than JIT_QUIET
    methods, at most --warmup-max seconds. Returns the seconds spent and the methods the last round compiled."""
    spent, before, compiled = 0, None, None
    while spent < args.warmup_max and args.warmup > 0:
        methods = compiled_methods(platform)
        out = subprocess.run(wrk_command(platform, script, args, WARMUP_ROUND), capture_output=True, text=True).stdout
        spent += WARMUP_ROUND
        after = compiled_methods(platform)
        compiled = after - methods if methods is not None and after is not None else None
        rate = re.search(r'Requests/sec:\s+([\d.]+)', out)
        rate = float(rate.group(1)) if rate else 0.0
        jit_quiet = compiled is None or compiled < JIT_QUIET
        if spent >= args.warmup and before is not None and rate < before * 1.05 and jit_quiet:
            break
        before = rate
    return spent, compiled


def run_wrk(platform, requests, args, name):
    script = os.path.join(args.work, f'{name}.lua')
    lua_script(script, platform.auth, requests)
    warmed, compiled = warm_up(platform, script, args)
    out = subprocess.run(wrk_command(platform, script, args, args.duration), capture_output=True, text=True).stdout
    rate = re.search(r'Requests/sec:\s+([\d.]+)', out)
    p99 = re.search(r'^\s+99%\s+([\d.]+)(us|ms|s)\s*$', out, re.M)
    bad = re.search(r'Non-2xx or 3xx responses:\s+(\d+)', out)
    errors = re.search(r'Socket errors:.*', out)
    p99ms = None
    if p99:
        p99ms = float(p99.group(1)) * {'us': 0.001, 'ms': 1, 's': 1000}[p99.group(2)]
    with open(os.path.join(args.work, f'{name}.wrk.txt'), 'w') as f:
        f.write(out)
    return (float(rate.group(1)) if rate else 0.0), p99ms, int(bad.group(1)) if bad else 0, \
        errors.group(0) if errors else '', warmed, compiled


def run_pgbench(db, scripts, args, name):
    files = []
    for n, sql in enumerate(scripts):
        path = os.path.join(args.work, f'{name}.{n}.sql')
        with open(path, 'w') as f:
            f.write(sql.strip() + '\n')
        files += ['-f', path]
    cmd = ['pgbench', *db.base, '-n', '-c', str(args.connections), '-j', '1', '-T', str(args.duration), *files,
           args.db]
    out = subprocess.run(cmd, capture_output=True, text=True)
    with open(os.path.join(args.work, f'{name}.pgbench.txt'), 'w') as f:
        f.write(out.stdout + out.stderr)
    tps = re.search(r'tps = ([\d.]+) \(without initial connection time\)', out.stdout)
    failed = re.search(r'number of failed transactions: (\d+)', out.stdout)
    if not tps or (failed and int(failed.group(1)) > 0) or out.returncode != 0:
        return None
    return float(tps.group(1))


def plan(db, sql, most=3):
    """The scans each of the first reads of a script used, e.g. 'Index Scan using ix_x on t' (one line a statement
    in the scripts; statements using pgbench variables are left out)."""
    parts = []
    for line in sql.splitlines():
        stmt = re.sub(r'(;|\\gset)\s*$', '', line.strip())
        if (not re.match(r'(?i)^select', stmt) or re.search(r'(?i)\bfor update\b', stmt)
                or re.search(r'(?<!:):[a-z]', stmt)):
            continue
        out = db.psql('EXPLAIN (COSTS OFF) ' + stmt)
        scans = []
        for node in out.splitlines():
            m = re.search(r'((?:Parallel )?(?:Bitmap Index|Bitmap Heap|Index Only|Index|Seq) Scan(?: Backward)?'
                          r'(?: using \w+)?(?: on \w+)?)', node)
            if m and m.group(1) not in scans:
                scans.append(m.group(1))
        text = ' + '.join(scans) or out.splitlines()[0].strip()
        if text not in parts:
            parts.append(text)
        if len(parts) >= most:
            break
    return '; '.join(parts)


def sql_literal(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument('--db', default='dms_bench', help='PostgreSQL database (created if missing; default dms_bench)')
    p.add_argument('--pg-host', default='127.0.0.1')
    p.add_argument('--pg-port', type=int, default=5432)
    p.add_argument('--pg-user', default='postgres', help='a superuser (the loader skips foreign-key triggers)')
    p.add_argument('--pg-password', default='postgres')
    p.add_argument('--home', default=os.path.join(ROOT, 'karaf-distribution', 'assembly', 'target', 'assembly'),
                   help='the built distribution (copied, not changed)')
    p.add_argument('--work', default=None, help='work folder (default /tmp/opendms-desk-scale-<db>)')
    p.add_argument('--port-offset', type=int, default=0, help='added to HTTP 8181, SSH 8101, RMI 1099/44444')
    p.add_argument('--customers', type=int, default=300_000)
    p.add_argument('--vehicles', type=int, default=1_000_000)
    p.add_argument('--work-orders', type=int, default=1_000_000)
    p.add_argument('--regenerate', action='store_true', help='drop and recreate the database even if it has data')
    p.add_argument('--duration', type=int, default=15, help='seconds per measurement (default 15)')
    p.add_argument('--warmup', type=int, default=10,
                   help='at least this many seconds of the same requests before each REST measurement, not counted, '
                        'then more until the rate stops rising (default 10; 0: none)')
    p.add_argument('--warmup-max', type=int, default=60,
                   help='at most this many seconds of warm-up per row (default 60)')
    p.add_argument('--connections', type=int, default=2, help='client connections (default 2)')
    p.add_argument('--user', default='advisor:demo', help='REST account (default advisor:demo)')
    p.add_argument('--start-limit', type=int, default=900,
                   help='seconds to wait for the platform (a migration that indexes a large database takes minutes)')
    p.add_argument('--only', default='', help='comma list of row keys to measure (default all)')
    p.add_argument('--keep-running', action='store_true', help='leave the platform running afterwards')
    args = p.parse_args()
    args.work = args.work or f'/tmp/opendms-desk-scale-{args.db}'
    os.makedirs(args.work, exist_ok=True)
    for tool in ['psql', 'pgbench', 'wrk', 'pgrep']:
        if shutil.which(tool) is None:
            die(f'{tool} is not installed (Debian: apt-get install wrk postgresql-client procps)')

    db = Db(args)
    platform = Platform(args)
    platform.unpack()

    # ------------------------------------------------------------------ the data set
    fresh = args.regenerate or not db.exists() or db.table_rows('wo_line') == 0
    if fresh:
        log(f'== Data set: {args.customers} customers, {args.vehicles} vehicles, {args.work_orders} work orders '
            f'in database {args.db}')
        db.psql(f'DROP DATABASE IF EXISTS {args.db}', db='postgres')
        db.psql(f'CREATE DATABASE {args.db}', db='postgres')
        t = platform.start()
        log('  migrating: the platform starts once on the empty database')
        platform.wait_core(t, args.start_limit)
        platform.wait_plugins(t, args.start_limit)
        platform.stop()
        t = time.time()
        db.psql(None, file=os.path.join(HERE, 'generate.sql'), quiet=True,
                variables={'customers': args.customers, 'vehicles': args.vehicles, 'work_orders': args.work_orders})
        db.psql('VACUUM (ANALYZE)')
        log(f'  generated and analysed in {time.time() - t:.0f} s')
        platform.unpack()  # a clean copy again: no log or state of the migration start
    else:
        # the schema brought up to this build's migrations first, so that the start measured below is a restart
        t = platform.start()
        log('== Migrating the database to this build (a start not measured)')
        platform.wait_core(t, args.start_limit)
        platform.wait_plugins(t, args.start_limit)
        platform.stop()
        platform.unpack()
    plugin_state(db)
    counts = db.rows('SELECT (SELECT count(*) FROM customer), (SELECT count(*) FROM vehicle),'
                     ' (SELECT count(*) FROM wo_work_order), (SELECT count(*) FROM wo_line)')[0]
    log(f'== Database {args.db}: {counts[0]} customers, {counts[1]} vehicles, {counts[2]} work orders, '
        f'{counts[3]} lines')

    # ------------------------------------------------------------------ start
    t = platform.start()
    health_s, core_s = platform.wait_core(t, args.start_limit)
    log(f'== Start on this database: /api/health after {health_s:.1f} s, every core endpoint after {core_s:.1f} s')
    time.sleep(3)
    c0 = platform.cpu_seconds()
    time.sleep(10)
    idle = platform.cpu_seconds() - c0
    log(f'  resident {platform.rss_mb():.0f} MB; CPU while idle 10 s after start: {idle:.1f} s '
        f'({"background work running" if idle > 2 else "no background work"})')

    try:
        table = measure(db, platform, args)
    finally:
        errors = len(re.findall(r'\| ERROR ', platform.log_text()))
        if not args.keep_running:
            platform.stop()
    log(f'  ERROR lines in karaf.log during the run: {errors}')
    return table


def plugin_state(db):
    """The generator wrote the insurance plugin's renewal leads as its vehicle events would have (generate.sql), and a
    running plugin hears every later change as an event: so with the platform stopped, the plugin's mark of how far
    it has read the vehicle file (a table of newer builds) is the newest vehicle."""
    if db.psql("SELECT count(*) FROM information_schema.tables WHERE table_name = 'ins_catch_up'") != '1':
        return
    db.psql("INSERT INTO ins_catch_up (source, changed_at, last_id) SELECT 'vehicle', updated_at, id FROM vehicle"
            " ORDER BY updated_at DESC, id DESC LIMIT 1"
            " ON CONFLICT (source) DO UPDATE SET changed_at = EXCLUDED.changed_at, last_id = EXCLUDED.last_id")
    log('  insurance plugin: its catch-up mark is the newest vehicle (the generated leads are complete)')


def samples(db):
    """Values the desk would type, taken from the data (fixed order: the same each run)."""
    s = {}
    s['plates'] = [r[0] for r in db.rows('SELECT plate FROM wo_work_order WHERE id % 4999 = 7 ORDER BY id LIMIT 200')]
    s['partials'] = [r[0] for r in db.rows(
        "SELECT DISTINCT substr(plate, 4, 4) FROM vehicle WHERE id % 9973 = 11 AND plate IS NOT NULL LIMIT 50")]
    s['vin6'] = [r[0] for r in db.rows('SELECT right(vin, 6) FROM vehicle WHERE id % 7919 = 5 ORDER BY id LIMIT 100')]
    s['mobile4'] = [r[0] for r in db.rows(
        'SELECT right(mobile, 4) FROM customer WHERE id % 3001 = 3 AND mobile IS NOT NULL ORDER BY id LIMIT 100')]
    s['names'] = [r[0] for r in db.rows(
        "SELECT DISTINCT substr(name, 1, 2) FROM customer WHERE id % 2999 = 1 AND customer_type = 'PERSON' LIMIT 50")]
    s['active'] = [r[0] for r in db.rows(
        'SELECT active_plate FROM vehicle WHERE id % 4993 = 3 AND active_plate IS NOT NULL ORDER BY id LIMIT 200')]
    s['wo_ids'] = [r[0] for r in db.rows('SELECT id FROM wo_work_order WHERE id % 4987 = 13 ORDER BY id LIMIT 200')]
    s['open_plates'] = [r[0] for r in db.rows(
        'SELECT active_plate FROM vehicle WHERE id % 4091 = 17 AND active_plate IS NOT NULL ORDER BY id LIMIT 200')]
    return s


def enc(s):
    return urllib.parse.quote(s, safe='')


def measure(db, platform, args):
    sys.path.insert(0, HERE)
    import queries  # the SQL the services send for each row, kept next to this script
    s = samples(db)
    rows = queries.rows(s)
    only = set(filter(None, args.only.split(',')))
    results = []
    load = os.getloadavg()
    log(f'== Measurements: {args.duration} s each after {args.warmup}-{args.warmup_max} s of warm-up (until the rate '
        f'stops rising and the JIT compiles fewer than {JIT_QUIET} methods in {WARMUP_ROUND} s), '
        f'{args.connections} connections; '
        f'load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}')
    log('   (the machine is shared: other processes may run; see the load average printed with each row)')
    for row in rows:
        if only and row['key'] not in only:
            continue
        rest, p99, bad, sockerr, warmed, compiled = run_wrk(platform, row['requests'], args, row['key'])
        raw = run_pgbench(db, row['sql'], args, row['key'])
        how = plan(db, row['sql'][0])
        load1 = os.getloadavg()[0]
        ratio = f'{rest / raw:.2f}' if raw else 'n/a'
        results.append((row['title'], rest, p99, raw, ratio, how, bad, load1))
        log(f"  {row['key']}: REST {rest:.1f} req/s p99 {p99 if p99 is not None else float('nan'):.1f} ms"
            f" (non-2xx {bad}{'; ' + sockerr if sockerr else ''}), raw {raw if raw else 0:.1f}/s, load {load1:.2f},"
            f" after {warmed} s of warm-up ({compiled if compiled is not None else '?'} methods compiled in its last"
            f" {WARMUP_ROUND} s)")
    log('')
    log('| what the desk does | REST req/s | REST p99 | the same SQL, req/s | REST/SQL | plan | load |')
    log('|---|---|---|---|---|---|---|')
    for title, rest, p99, raw, ratio, how, bad, load1 in results:
        flag = f' ({bad} non-2xx)' if bad else ''
        p99s = f'{p99:.1f} ms' if p99 is not None else '—'
        raws = f'{raw:,.1f}' if raw else 'failed'
        log(f'| {title} | {rest:,.1f}{flag} | {p99s} | {raws} | {ratio} | {how} | {load1:.2f} |')
    up = subprocess.run(['uptime'], capture_output=True, text=True).stdout.strip()
    log(f'\nuptime: {up}')
    return results


if __name__ == '__main__':
    main()
