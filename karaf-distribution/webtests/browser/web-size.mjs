// Size and speed of the staff web app, measured in headless Chromium against a running platform (issue 12's goals:
// first load of the app ≤ 450 kB gzip, each plugin page ≤ 50 kB gzip, the desk usable within 1.5 s of opening).
//
//   node web-size.mjs [--url http://127.0.0.1:8181] [--user advisor:demo] [--admin admin:demo] [--loads 7]
//
// First load: a browser with an empty cache opens the desk's address (/desk), logs in as --user through the login form and waits for
// the desk's plate search (data-test="desk-plate") to be usable; every file it fetched outside /api is counted with
// its size gzip-compressed (level 9, what a gzip-serving host or proxy sends; the served encoding is shown too).
// Plugin pages: for each menu page of GET /api/web/extensions, in a fresh browser with the app loaded, the files that
// opening it from its menu entry fetched beyond what the app had loaded. Desk usable: --loads fresh browser contexts
// (empty cache, logged in) open the desk; the time from the start of the navigation until the plate input is visible
// and enabled, and the median. Exit 1 when a goal is missed.
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const opts = { url: 'http://127.0.0.1:8181', user: 'advisor:demo', admin: 'admin:demo', loads: '7' };
for (let i = 2; i < process.argv.length; i += 2) {
  const k = process.argv[i].replace(/^--/, '');
  if (!(k in opts)) { console.error(`unknown option --${k}; options: ${Object.keys(opts).join(', ')}`); process.exit(2); }
  opts[k] = process.argv[i + 1];
}
const BASE = opts.url.replace(/\/$/, '');
const GOALS = { firstLoadKb: 450, pluginPageKb: 50, deskUsableMs: 1500 };
const PLATE = '[data-test="desk-plate"] input, input[data-test="desk-plate"]';

const kb = (n) => (n / 1024).toFixed(1);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Records every non-API file a page fetches: url → { type, raw, gzip, served }; await done(into) before reading. */
function recordFiles(page, into) {
  into.reading = into.reading ?? [];
  page.on('response', (res) => {
    const url = new URL(res.url());
    if (url.origin !== BASE || url.pathname.startsWith('/api/') || res.status() >= 300 || into.has(url.pathname)) return;
    if (res.request().resourceType() === 'eventsource') return;
    into.reading.push(res.body().then((body) => {
      into.set(url.pathname, { type: res.request().resourceType(), raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length, served: res.headers()['content-encoding'] ?? 'identity' });
    }, () => { /* a response without a body (an aborted stream): nothing downloaded to count */ }));
  });
}

/** Waits until every recorded response's body has been read and measured. */
async function done(files) {
  while (files.reading?.length) await Promise.all(files.reading.splice(0));
  return files;
}

async function usable(page) {
  const handle = await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && !el.disabled && el.getClientRects().length > 0 ? performance.now() : false;
  }, PLATE, { timeout: 30_000 });
  return handle.jsonValue();
}

async function sessionFor(context, who) {
  const [login, password] = who.split(':');
  const r = await context.request.post(`${BASE}/api/session`, { data: { login, password } });
  if (!r.ok()) throw new Error(`login ${login}: ${r.status()} ${await r.text()}`);
}

function table(files) {
  const rows = [...files.entries()].sort((a, b) => b[1].gzip - a[1].gzip);
  for (const [path, f] of rows) {
    console.log(`  ${kb(f.gzip).padStart(8)} kB gzip ${kb(f.raw).padStart(8)} kB raw  ${f.type.padEnd(10)} ${f.served.padEnd(8)} ${path}`);
  }
  return rows.reduce((s, [, f]) => s + f.gzip, 0);
}

const browser = await chromium.launch({ executablePath: process.env.DMS_CHROMIUM || '/usr/bin/chromium' });
const failures = [];
try {
  // ---- first load, through the login form ----
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const page = await ctx.newPage();
  const first = new Map();
  recordFiles(page, first);
  // the advisor's bookmark: the desk; without a session the app shows the login page and returns there after it
  await page.goto(BASE + '/desk');
  const [login, password] = opts.user.split(':');
  await page.locator('input[type="password"]').waitFor();
  await page.locator('input[autocomplete="username"]').fill(login);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('input[type="password"]').press('Enter');
  await usable(page);
  const deskUrl = page.url();
  console.log(`== First load: ${BASE}/desk → login page → log in as ${login} → desk usable (${deskUrl}), empty cache`);
  const firstTotal = table(await done(first));
  console.log(`  ${kb(firstTotal).padStart(8)} kB gzip in ${first.size} files (goal ≤ ${GOALS.firstLoadKb} kB)`);
  if (firstTotal / 1024 > GOALS.firstLoadKb) failures.push(`first load ${kb(firstTotal)} kB > ${GOALS.firstLoadKb} kB`);
  await ctx.close();

  // ---- plugin pages ----
  const actx = await browser.newContext();
  await sessionFor(actx, opts.admin);
  const ext = await (await actx.request.get(`${BASE}/api/web/extensions`)).json().catch(() => ({}));
  const pages = pluginPages(ext);
  console.log(`== Plugin pages (${pages.length} in /api/web/extensions)`);
  if (pages.length === 0) failures.push('no plugin page in /api/web/extensions (is the insurance plugin running?)');
  for (const p of pages) {
    // each page in a browser of its own: the app loaded (empty cache), then the page opened from its menu entry;
    // what that fetches beyond what the app had loaded is the plugin page's cost
    const pctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await sessionFor(pctx, opts.admin);
    const apage = await pctx.newPage();
    const before = new Map();
    recordFiles(apage, before);
    await apage.goto(deskUrl);
    await usable(apage);
    const entry = apage.locator('[role="menubar"]').getByRole('menuitem', { name: p.title, exact: true });
    await entry.waitFor();
    await done(before);
    apage.removeAllListeners('response');
    const seen = new Map();
    recordFiles(apage, seen);
    const loaded = apage.waitForResponse((r) => r.url().endsWith(p.module), { timeout: 15_000 });
    await entry.click();
    await loaded;
    await apage.waitForURL((url) => url.pathname === p.route);
    await apage.waitForLoadState('load');
    await done(seen);
    for (const k of before.keys()) seen.delete(k);
    console.log(`-- ${p.plugin} ${p.route} (${p.title})`);
    const total = table(seen);
    console.log(`  ${kb(total).padStart(8)} kB gzip in ${seen.size} files (goal ≤ ${GOALS.pluginPageKb} kB)`);
    if (seen.size === 0) failures.push(`${p.plugin} ${p.route}: no file of its own was loaded (${p.module})`);
    if (total / 1024 > GOALS.pluginPageKb) failures.push(`${p.plugin} ${p.route} ${kb(total)} kB > ${GOALS.pluginPageKb} kB`);
    await pctx.close();
  }
  await actx.close();

  // ---- desk usable, empty cache each time ----
  const times = [];
  for (let i = 0; i < Number(opts.loads); i++) {
    const c = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    await sessionFor(c, opts.user);
    const p = await c.newPage();
    await p.goto(deskUrl, { waitUntil: 'commit' });
    times.push(await usable(p));
    await c.close();
  }
  const m = median(times);
  console.log(`== Desk usable after opening (${times.length} loads, empty cache, logged in): ` +
    `${times.map((x) => Math.round(x)).join(' ')} ms; median ${Math.round(m)} ms (goal ≤ ${GOALS.deskUsableMs} ms)`);
  if (m > GOALS.deskUsableMs) failures.push(`desk usable median ${Math.round(m)} ms > ${GOALS.deskUsableMs} ms`);
  console.log(`RESULT first_load_gzip_kb=${kb(firstTotal)} desk_usable_median_ms=${Math.round(m)} plugin_pages=${pages.length}`);
} finally {
  await browser.close();
}
if (failures.length) { console.log('FAIL: ' + failures.join('; ')); process.exit(1); }
console.log('PASS: every goal met');

/** The menu pages GET /api/web/extensions lists ({ extensions: [{ plugin, pages: [...] }] }): { plugin, route, module, title }. */
function pluginPages(answer) {
  return (answer.extensions ?? []).flatMap((e) => e.pages.filter((p) => p.menu).map((p) => ({
    plugin: e.plugin, route: p.path, module: p.module, title: p.title,
  })));
}
