// What every browser test needs: the running shop (DMS_URL), Debian's Chromium, the three screens of the shop, the
// app's own zh-CN strings (so tests find buttons by the words staff see), staff accounts made through the API, and
// screenshots kept as build output. No pixel positions, no sleeps: everything waits for elements or answers.
import { readFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE = (process.env.DMS_URL ?? 'http://127.0.0.1:8181').replace(/\/$/, '');
const here = dirname(fileURLToPath(import.meta.url));
const LOCALES = process.env.DMS_LOCALES || join(here, '../../../../core-bundles/webapp/ui/src/locales');
const SCREENSHOTS = process.env.DMS_SCREENSHOTS || join(here, '../../target/screenshots');

/** The shop's screens: the service desk, the technicians' tablet, the workshop TV. */
export const SCREENS = {
  desk: { width: 1366, height: 768 },
  tablet: { width: 1024, height: 768 },
  tv: { width: 1920, height: 1080 },
};

export function launch() {
  return chromium.launch({ executablePath: process.env.DMS_CHROMIUM || '/usr/bin/chromium' });
}

const openContexts = new Set();

/** A browser context of its own (its own cookies: one person at one screen). */
export async function screen(browser, kind = 'desk') {
  const context = await browser.newContext({
    baseURL: BASE, viewport: SCREENS[kind], locale: 'zh-CN', timezoneId: 'Asia/Shanghai',
    hasTouch: kind === 'tablet',
  });
  // DMS_TIMEOUT_MS: a machine shared by several builds may need longer than 15 s for a step
  context.setDefaultTimeout(Number(process.env.DMS_TIMEOUT_MS) || 15_000);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  return context;
}

/** A node:test test that, when it fails, keeps a screenshot of every open page: FAILED-<test>-<n>.png. */
export function browserTest(name, fn) {
  test(name, async (t) => {
    try {
      await fn(t);
    } catch (e) {
      const slug = name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40);
      let n = 0;
      for (const context of [...openContexts]) {
        for (const page of context.pages()) await shot(page, `FAILED-${slug}-${++n}`).catch(() => {});
        await context.close(); // a failed test's browsers must not linger into the next test's screenshots
      }
      throw e;
    }
  });
}

// ---- the app's strings ------------------------------------------------------------------------------------------

function flatten(prefix, value, into) {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, into);
  } else {
    into[prefix] = value;
  }
  return into;
}

function load(lang) {
  const dir = join(LOCALES, lang);
  const texts = {};
  if (!existsSync(dir)) return texts;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    flatten('', JSON.parse(readFileSync(join(dir, f), 'utf8')), texts);
  }
  return texts;
}

const TEXTS = { 'zh-CN': load('zh-CN'), en: load('en') };

/** The text a key shows in zh-CN (or en), with {name} parameters filled; fails on an unknown key. */
export function t(key, params = {}, lang = 'zh-CN') {
  const text = TEXTS[lang][key];
  if (text === undefined) throw new Error(`no ${lang} text for ${key} in ${LOCALES}/${lang}`);
  return String(text).replace(/\{(\w+)\}/g, (_, p) => (p in params ? params[p] : `{${p}}`));
}

/** An exact-text matcher for a key (Playwright accepts RegExp for names). */
export function exactly(key, params, lang) {
  return new RegExp(`^\\s*${t(key, params, lang).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
}

// ---- the API, for setting up what a test needs -----------------------------------------------------------------

/** HTTP Basic calls as one account: { status, body, etag }; JSON in and out. */
export function api(login, password = 'demo') {
  const auth = 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64');
  async function call(method, path, body, headers = {}) {
    const res = await fetch(`${BASE}/api${path}`, {
      method,
      headers: { Authorization: auth, Accept: 'application/json',
        ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    return { status: res.status, body: json, etag: res.headers.get('etag') };
  }
  const ok = async (method, path, body, headers) => {
    const r = await call(method, path, body, headers);
    if (r.status >= 400) {
      throw new Error(`${method} /api${path} as ${login}: ${r.status} ${JSON.stringify(r.body)}`);
    }
    return r;
  };
  return {
    call,
    get: (path) => ok('GET', path),
    post: (path, body, headers) => ok('POST', path, body ?? {}, headers),
    put: (path, body, headers) => ok('PUT', path, body, headers),
  };
}

export const admin = api('admin');

/** A number unique to this run, for plates, logins and names that must not clash with earlier runs. */
export const RUN = String(Date.now()).slice(-6);

/** A staff account made by the admin through the API (once per run); returns { login, password, name }. */
export async function staff(role, extra = {}) {
  const login = `wt${RUN}.${role}`;
  const password = 'Browser-Test-2026';
  const name = extra.name ?? `测试${role}`;
  const r = await admin.call('POST', '/staff', { login, name, password, roles: [role], team: '一组', ...extra });
  if (r.status !== 201 && r.status !== 409) {
    throw new Error(`adding staff ${login}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return { login, password, name };
}

// ---- pages ------------------------------------------------------------------------------------------------------

/** Waits until no Element Plus loading mask is shown on the page (its data have arrived). */
export async function settled(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('.el-loading-mask')]
    .every((m) => m.getClientRects().length === 0 || getComputedStyle(m).display === 'none'));
}

/** Keeps a screenshot of the whole screen as build output, once loaded: target/screenshots/<name>.png. */
export async function shot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await settled(page);
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** The same-origin API call the page itself would make, with the browser's session cookie and CSRF token. */
export async function fromPage(page, method, path, body) {
  return page.evaluate(async ({ method, path, body }) => {
    const session = await fetch('/api/session', { credentials: 'same-origin' }).then((r) => r.json());
    const res = await fetch(`/api${path}`, {
      method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': session.csrfToken ?? '' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let json = null;
    try { json = JSON.parse(text); } catch { json = text; }
    return { status: res.status, body: json };
  }, { method, path, body });
}

/** Whether a user with these granted permissions may open a menu entry (any one of its permissions). */
export function mayOpen(entry, granted) {
  return entry.permissions.length === 0 || entry.permissions.some((p) => granted.includes(p));
}

/**
 * The sidebar entries the app's pages declare (ui/src/pages/<area>/routes.js, meta.menu): { area, path, titleKey,
 * permissions }. Read from the source, so that a test checks the menu a role gets against the permission table.
 */
export function menuEntries() {
  // a route: { path: '/x', component: () => import('./X.vue'), meta: { titleKey, permission, menu: true, ... } }
  const pages = join(LOCALES, '..', 'pages');
  const entries = [];
  for (const area of readdirSync(pages)) {
    const file = join(pages, area, 'routes.js');
    if (!existsSync(file)) continue;
    const source = readFileSync(file, 'utf8');
    for (const route of source.matchAll(/path:\s*['"]([^'"]+)['"][^{}]*?meta:\s*\{([^}]*)\}/g)) {
      const field = (name) => route[2].match(new RegExp(`${name}:\\s*['"]([^'"]+)['"]`))?.[1];
      // permission: one name, or a list of which any one will do
      const list = route[2].match(/permission:\s*\[([^\]]*)\]/)?.[1];
      const permissions = list ? [...list.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1])
        : [field('permission')].filter(Boolean);
      if (/menu:\s*true/.test(route[2])) {
        entries.push({ area, path: route[1], titleKey: field('titleKey'), permissions });
      }
    }
  }
  return entries;
}

/** Logs in through the login page as staff would, and waits for the shell to greet them by name. */
export async function logIn(page, who) {
  await page.goto('/');
  await page.getByLabel(t('shell.loginName')).fill(who.login);
  await page.getByLabel(t('shell.password'), { exact: true }).fill(who.password);
  await page.getByRole('button', { name: exactly('shell.loginButton') }).click();
  await page.locator('[data-test="shell-user"]').getByText(who.name).waitFor();
}

/**
 * Shows every sidebar entry: widens a collapsed menu (the tablet starts narrow) and opens every closed sub-menu.
 */
export async function showWholeMenu(page) {
  const widen = page.getByRole('button', { name: exactly('shell.expandMenu') });
  if (await widen.isVisible()) {
    await widen.click();
    await page.getByRole('button', { name: exactly('shell.collapseMenu') }).waitFor();
  }
  const menu = page.locator('[data-test="shell-menu"]');
  await menu.waitFor();
  // a closed sub-menu: role menuitem with aria-expanded=false (Element Plus misspells aria-haspopup, so not by that)
  const closed = menu.locator('[role="menuitem"][aria-expanded="false"]');
  for (let tries = 0; tries < 10 && (await closed.count()) > 0; tries++) {
    const title = (await closed.first().locator('span').first().innerText()).trim();
    await closed.first().click();
    await menu.locator('[role="menuitem"][aria-expanded="true"]', { hasText: title }).first().waitFor({ timeout: 3000 })
      .catch(() => { /* clicked while the menu was still moving: the loop tries again */ });
  }
  assert.equal(await closed.count(), 0, 'every sub-menu of the sidebar opened');
}

/** Opens a sidebar entry by its title (the locale key). */
export async function openMenu(page, titleKey) {
  await showWholeMenu(page);
  const entry = page.locator('[data-test="shell-menu"]').getByRole('menuitem', { name: exactly(titleKey) });
  // a click while a sub-menu above is still unfolding can land beside the entry (seen once in 25 pages): the entry
  // then does not become the active one, and the click is repeated (a page that marks no entry active, after three
  // clicks, is left to the caller's own wait)
  for (let tries = 1; tries <= 3; tries++) {
    await entry.click();
    const active = page.locator('[data-test="shell-menu"] .el-menu-item.is-active').filter({ hasText: t(titleKey) });
    if (await active.first().waitFor({ timeout: 4000 }).then(() => true, () => false)) return;
  }
}

/** The fonts Chromium actually drew an element's text with (DevTools protocol): [{ familyName, glyphCount }]. */
export async function fontsOf(page, selector) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) throw new Error(`no element ${selector}`);
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
  }
}

/**
 * The text field a data-test names: Element Plus puts the attribute on the native input of el-input and
 * el-autocomplete, and on the wrapper of el-input-number; this finds the input either way.
 */
export function field(page, name) {
  const n = `[data-test="${name}"]`;
  return page.locator(`input${n}, textarea${n}, ${n} input, ${n} textarea`).first();
}
