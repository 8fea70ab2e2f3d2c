// 报表 through the pages (issue 15): the manager enters the month's workshop resources (a technician without a login
// is refused under that row and nothing is stored), then reads the KPI pack of a month in which a visit was settled,
// drills from vehicles in to that visit, exports the pack as Excel, and looks at the dashboard, revenue and
// technician pages. The visit is prepared through the API. Screenshots: target/screenshots/reports-*.png.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest, launch, screen, shot, staff, api, t, logIn, openMenu, RUN } from '../lib/shop.mjs';
import { paidVisit } from '../lib/visits.mjs';

const SERVICE = `RP-${RUN}`;
const MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);

let browser;
let advisor, cashier, manager;
let visit;

const asManager = () => api(manager.login, manager.password);

before(async () => {
  browser = await launch();
  advisor = await staff('advisor');
  cashier = await staff('cashier', { name: `收银${RUN.slice(-2)}` });
  manager = await staff('manager', { name: `经理${RUN.slice(-2)}` });
  await asManager().call('POST', '/labour-operations', { code: SERVICE, name: '保养', flatRateHours: 1 });
  const owner = (await api(advisor.login, advisor.password).post('/customers',
    { type: 'PERSON', name: `报表客户${RUN.slice(-2)}`, mobile: `135${RUN.padStart(8, '0').slice(-8)}` })).body.id;
  ({ visit } = await paidVisit(api(advisor.login, advisor.password), api(cashier.login, cashier.password), asManager(),
    { plate: `闽B${RUN.slice(-5)}`, vinSeed: RUN + 21, ownerId: owner, service: SERVICE, unitPrice: 300 }));
});
after(async () => browser?.close());

browserTest('the manager enters the workshop resources; a technician without a login is refused under its row', async () => {
  const page = await (await screen(browser, 'desk')).newPage();
  await logIn(page, manager);
  await openMenu(page, 'reports.resources.title');
  const form = page.locator('[data-test="reports-resources-page"]');
  await form.locator('[data-test="reports-resources-bays-MECHANICAL"] input').fill('4');
  await form.locator('[data-test="reports-resources-add-tech"]').click();
  await form.locator('[data-test="reports-resources-save"]').click();
  await form.locator('[data-test="reports-resources-tech"] .error').waitFor();
  await shot(page, 'reports-resources-refused');
  const stored = (await asManager().get(`/reports/resources/${MONTH}`)).body;
  assert.ok(stored.technicians.every((x) => x.login), 'the refused entry stored nothing');
  assert.notEqual(stored.bays.MECHANICAL, 4, 'the refused entry stored nothing');
  await form.locator('[data-test="reports-resources-tech"] input').first().fill('technician');
  await form.locator('[data-test="reports-resources-save"]').click();
  await page.getByText(t('common.saved')).first().waitFor();
  const entered = (await asManager().get(`/reports/resources/${MONTH}`)).body;
  assert.equal(entered.month, MONTH);
  assert.equal(entered.bays.MECHANICAL, 4);
  assert.deepEqual(entered.technicians.map((x) => x.login), ['technician']);
  await shot(page, 'reports-resources');
  await page.context().close();
});

browserTest('the KPI pack shows the month, drills from vehicles in to the visit and exports to Excel', async () => {
  const page = await (await screen(browser, 'desk')).newPage();
  await logIn(page, manager);
  await openMenu(page, 'reports.kpis.title');
  const value = page.locator('[data-test="reports-kpi-value"][data-code="vehicles_in"]');
  await value.waitFor();
  assert.ok(Number(await value.textContent()) >= 1, 'the visit is counted');
  assert.ok(await page.locator('[data-test="reports-kpi-missing"]').count() > 0, 'a KPI without its inputs says what is missing');
  await page.locator('[data-test="reports-kpi-name"][data-code="vehicles_in"]').click();
  const drawer = page.locator('[data-test="reports-drill"]');
  await drawer.getByText(visit.number).waitFor();
  await shot(page, 'reports-drill');
  await drawer.locator('.el-drawer__close-btn').click();
  const download = page.waitForEvent('download');
  await page.locator('[data-test="reports-kpis-export"]').click();
  assert.match((await download).suggestedFilename(), /^kpis-.*\.xlsx$/);
  const pdf = page.waitForEvent('download');
  await page.locator('[data-test="reports-kpis-print"]').click();
  assert.match((await pdf).suggestedFilename(), /^kpis-.*\.pdf$/);
  await shot(page, 'reports-kpis');

  await openMenu(page, 'reports.dashboard.title');
  await page.locator('[data-test="reports-dashboard-card"][data-code="vehicles_in"]').waitFor();
  await page.locator('[data-test="reports-dashboard-trend"] canvas').waitFor();
  await shot(page, 'reports-dashboard');
  await openMenu(page, 'reports.revenue.title');
  await page.locator('[data-test="reports-revenue-chart"] canvas').waitFor();
  await shot(page, 'reports-revenue');
  await openMenu(page, 'reports.technicians.title');
  await page.locator('[data-test="reports-technicians-table"]').waitFor();
  await shot(page, 'reports-technicians');
  await page.context().close();
});
