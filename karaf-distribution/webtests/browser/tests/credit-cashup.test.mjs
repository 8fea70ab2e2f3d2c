// 挂账对账, 交班日结 and the printed sheets through the pages, as issue 14's "done when" tells it for the web app: a
// company car settled on account appears in the month's statement on the credit page, with its ageing; a receipt
// recorded there lowers what is owed (a transfer without the bank's number and a receipt over what is owed are
// refused under their fields, leaving the statement as it was); the cashier counts the cash of the day on the cash-up
// page (the receipt's cash is expected), the manager picks that cashier's day and closes it (the variance needs a
// note) and the cashier then sees the closed, frozen figures; the settlement page prints the 结算单 on A4 as a PDF and
// makes an e-bill link that opens without a login. The work order is prepared through the API; what the cashier and
// the manager do goes through the pages. Screenshots: target/screenshots/credit-*.png, cashup-*.png, print-*.png.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest, launch, screen, shot, staff, api, t, logIn, openMenu, field, RUN, BASE } from '../lib/shop.mjs';
import { vin } from '../lib/vin.mjs';

const SERVICE = `CR-${RUN}`;
const COMPANY = `顺丰车队${RUN}`;
const BANK_NO = `HX${RUN}0001`;

let browser;
let advisor, cashier, manager;
const visit = {};
let company;
let bill;

const asAdvisor = () => api(advisor.login, advisor.password);
const asCashier = () => api(cashier.login, cashier.password);
const asManager = () => api(manager.login, manager.password);

/** This month in the shop's zone, yyyy-MM (the credit page opens on it). */
const month = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A completed work order of the company's car: 保养 1.5 h at 100 yuan an hour, on the customer's pay type. */
async function completedWorkOrder(ownerId) {
  const desk = asAdvisor();
  const plate = `粤B${RUN.slice(-5)}`;
  let r = await desk.post('/work-orders', {
    plate, vin: vin(RUN + 7), ownerId, mileageKm: 88000, visitTypes: ['MAINTENANCE'],
    concerns: [{ concern: '保养', payType: 'CUSTOMER' }],
  });
  const id = r.body.id;
  const job = r.body.jobs[0].id;
  r = await desk.post(`/work-orders/${id}/jobs/${job}/lines`,
    { type: 'LABOUR', code: SERVICE, description: '保养', quantity: 1.5, unitPrice: 100, specialOrder: false },
    { 'If-Match': r.etag });
  r = await desk.post(`/work-orders/${id}/jobs/${job}/approval`, { approvedBy: '车队调度', channel: 'PHONE' }, { 'If-Match': r.etag });
  r = await desk.post(`/work-orders/${id}/status`, { status: 'IN_REPAIR' }, { 'If-Match': r.etag });
  r = await asManager().post(`/work-orders/${id}/status`, { status: 'AWAITING_QC', note: '工时未计时，经理放行' }, { 'If-Match': r.etag });
  for (const level of ['SELF', 'FOREMAN', 'FINAL']) {
    r = await asManager().post(`/work-orders/${id}/qc`, { level, passed: true }, { 'If-Match': r.etag });
  }
  r = await desk.post(`/work-orders/${id}/status`, { status: 'COMPLETED' }, { 'If-Match': r.etag });
  return { id, number: r.body.number, plate };
}

/** Chooses an option of an Element Plus select by its text. */
async function choose(page, select, text) {
  await select.click();
  await page.getByRole('option', { name: text }).filter({ visible: true }).first().click();
}

/** The month's statement of the company as the API has it (issued by the page). */
async function statement() {
  const all = (await asCashier().get(`/credit-accounts/${company}/statements`)).body;
  const one = all.find((s) => s.period === month());
  return one ? (await asCashier().get(`/credit-accounts/statements/${one.id}`)).body : null;
}

before(async () => {
  browser = await launch();
  advisor = await staff('advisor');
  cashier = await staff('cashier', { name: `收银${RUN.slice(-2)}` });
  manager = await staff('manager', { name: `经理${RUN.slice(-2)}` });
  await asManager().call('POST', '/labour-operations', { code: SERVICE, name: '保养', flatRateHours: 1.5 });
  company = (await asAdvisor().post('/customers', { type: 'COMPANY', name: COMPANY, mobile: `137${RUN.padStart(8, '0').slice(-8)}` })).body.id;
  await asManager().put(`/settlements/credit-accounts/${company}`, { creditLimit: 50000, termsDays: 30 });
  Object.assign(visit, await completedWorkOrder(company));
  // the cashier settles it and puts it on the company's account (the settlement pages are cashier.test.mjs's)
  [bill] = (await asCashier().post('/settlements', { workOrderId: visit.id })).body;
  assert.equal(bill.payer, 'CUSTOMER');
  await asCashier().post(`/settlements/${bill.id}/payments`, { tenders: [{ method: 'ON_ACCOUNT', amount: Number(bill.payable) }] },
    { 'If-Match': `"${bill.version}"` });
});
after(async () => browser?.close());

/** The cashier's browser, kept through the steps (opened again when a failed step closed it). */
let till;
async function cashierDesk() {
  if (!till || till.isClosed()) {
    till = await (await screen(browser, 'desk')).newPage();
    await logIn(till, cashier);
  }
  return till;
}

browserTest('the company car on account is on the month\'s statement; a receipt recorded on the page lowers what is owed', async () => {
  const payable = Number(bill.payable);
  const rest = (payable - 100).toFixed(2);
  const page = await cashierDesk();
  await openMenu(page, 'cashier.credit.title');
  const row = page.locator('[data-test="credit-accounts"] tr', { hasText: COMPANY });
  await row.locator('[data-test="credit-owed"]', { hasText: payable.toFixed(2) }).waitFor();
  // not yet due: all of it in the first ageing bucket
  await row.locator('[data-test="credit-current"]', { hasText: payable.toFixed(2) }).waitFor();
  await row.locator('[data-test="credit-open"]').click();

  // no statement for the month yet: the cashier issues it
  const card = page.locator(`[data-test="credit-statement"][data-period="${month()}"]`);
  await card.locator('[data-test="credit-issue"]').click();
  await card.locator('[data-test="credit-documents"]').getByText(bill.number).waitFor();
  await card.locator('[data-test="credit-documents"]').getByText(visit.number).waitFor();
  await card.locator('[data-test="credit-charges"]', { hasText: payable.toFixed(2) }).waitFor();
  await card.locator('[data-test="credit-statement-owed"]', { hasText: payable.toFixed(2) }).waitFor();
  let st = await statement();
  assert.equal(Number(st.owed), payable);
  assert.deepEqual(st.documents.map((d) => d.number), [bill.number]);
  await card.locator('[data-test="credit-due"]', { hasText: st.dueDate }).waitFor();
  await shot(page, 'credit-statement');

  // a transfer without the bank's number: refused under that field, nothing received
  const form = card.locator('[data-test="credit-receipt-form"]');
  await form.locator('[data-test="credit-receipt-method"]').getByText(t('cashier.method.TRANSFER')).click();
  await field(form, 'credit-receipt-amount').fill('100');
  await form.locator('[data-test="credit-receipt-save"]').click();
  await form.locator('.el-form-item', { has: page.locator('[data-test="credit-receipt-reference"]') })
    .locator('.el-form-item__error').waitFor();
  await shot(page, 'credit-receipt-refused');
  assert.equal((await statement()).receipts.length, 0, 'a refused receipt records nothing');

  // more than the statement owes: refused under the amount (409 statement.overpaid)
  await form.locator('[data-test="credit-receipt-method"]').getByText(t('cashier.method.CASH')).click();
  await field(form, 'credit-receipt-amount').fill(String(payable + 1));
  await form.locator('[data-test="credit-receipt-save"]').click();
  await form.locator('.el-form-item', { has: page.locator('[data-test="credit-receipt-amount"]') })
    .locator('.el-form-item__error').waitFor();
  assert.equal((await statement()).receipts.length, 0);

  // 100 yuan cash: what is owed drops on the statement and on the account's row
  await field(form, 'credit-receipt-amount').fill('100');
  await form.locator('[data-test="credit-receipt-save"]').click();
  await card.locator('[data-test="credit-statement-owed"]', { hasText: rest }).waitFor();
  await card.locator('[data-test="credit-receipts"]').getByText(cashier.login).waitFor();
  await row.locator('[data-test="credit-owed"]', { hasText: rest }).waitFor();
  await shot(page, 'credit-receipt');
  st = await statement();
  assert.equal(Number(st.owed), Number(rest));
  assert.deepEqual(st.receipts.map((r) => [r.method, Number(r.amount), r.receivedBy]), [['CASH', 100, cashier.login]]);
  const ageing = (await asCashier().get(`/credit-accounts/${company}/ageing`)).body;
  assert.equal(Number(ageing.total), Number(rest));
});

browserTest('the cashier counts the cash on the cash-up page; the manager closes the day with a note; it stays frozen', async () => {
  const page = await cashierDesk();
  await openMenu(page, 'cashier.cashup.title');
  const day = page.locator('[data-test="cashup-day-card"]');
  // the receipt's 100 yuan cash is what the drawer should hold
  await day.locator('[data-test="cashup-expected-CASH"]', { hasText: '100.00' }).waitFor();
  await day.locator('[data-test="cashup-expected-cash"]', { hasText: '100.00' }).waitFor();
  await field(day, 'cashup-counted').fill('98');
  await day.locator('[data-test="cashup-count-save"]').click();
  await day.locator('[data-test="cashup-variance"]', { hasText: '-2.00' }).waitFor();
  await day.locator('[data-test="cashup-variance"]', { hasText: t('cashier.cashup.short') }).waitFor();
  await day.locator('[data-test="cashup-status"]', { hasText: t('cashier.cashup.status.COUNTED') }).waitFor();
  await shot(page, 'cashup-counted');
  // the cashier is offered no closing
  assert.equal(await page.locator('[data-test="cashup-close"]').count(), 0);
  let mine = (await asCashier().get('/cash-ups/mine')).body;
  assert.deepEqual([mine.status, Number(mine.countedCash), Number(mine.variance)], ['COUNTED', 98, -2]);

  // the manager picks the cashier's day and closes it: first without a note (refused under it), then with one
  const office = await (await screen(browser, 'desk')).newPage();
  await logIn(office, manager);
  await openMenu(office, 'cashier.cashup.title');
  await choose(office, office.locator('[data-test="cashup-cashier"]'), `${cashier.name} (${cashier.login})`);
  await office.locator('[data-test="cashup-load"]').click();
  const card = office.locator(`[data-test="cashup-day-card"][data-cashier="${cashier.login}"]`);
  await card.locator('[data-test="cashup-variance"]', { hasText: '-2.00' }).waitFor();
  await office.locator('[data-test="cashup-of-day"]').getByText(cashier.login).waitFor();
  await card.locator('[data-test="cashup-close"]').click();
  await card.locator('[data-test="cashup-close-form"] .el-form-item__error').waitFor();
  assert.equal((await asManager().get(`/cash-ups/${cashier.login}/${today()}`)).body.status, 'COUNTED', 'refused: not closed');
  await field(card, 'cashup-close-note').fill('找零少收2元，已记录');
  await shot(office, 'cashup-close');
  await card.locator('[data-test="cashup-close"]').click();
  await card.locator('[data-test="cashup-status"]', { hasText: t('cashier.cashup.status.CLOSED') }).waitFor();
  await card.locator('[data-test="cashup-closed"]', { hasText: manager.login }).waitFor();
  await shot(office, 'cashup-closed');
  await office.context().close();
  const closed = (await asManager().get(`/cash-ups/${cashier.login}/${today()}`)).body;
  assert.deepEqual([closed.status, closed.closedBy, Number(closed.variance), closed.note],
    ['CLOSED', manager.login, -2, '找零少收2元，已记录']);

  // the cashier sees the day closed with the figures as they were, and no count any more
  await page.reload();
  await day.locator('[data-test="cashup-closed"]').waitFor();
  await day.locator('[data-test="cashup-status"]', { hasText: t('cashier.cashup.status.CLOSED') }).waitFor();
  await day.locator('[data-test="cashup-counted-cash"]', { hasText: '98.00' }).waitFor();
  assert.equal(await page.locator('[data-test="cashup-count-form"]').count(), 0);
  await shot(page, 'cashup-frozen');
  mine = (await asCashier().get('/cash-ups/mine')).body;
  assert.equal(mine.status, 'CLOSED');
});

browserTest('the settlement page prints the 结算单 on A4 as a PDF and makes an e-bill link that opens without a login', async () => {
  const page = await cashierDesk();
  await page.goto(`/cashier/work-orders/${visit.id}`);
  const bar = page.locator('[data-test="print-bar"]');
  // the cashier prints bills, not the advisor's or the workshop's sheets
  await bar.locator('[data-test="print-bill"]').waitFor();
  assert.equal(await bar.locator('[data-test="print-authorisation"]').count(), 0);
  await bar.locator('[data-test="print-paper"]').getByText('A4').click();
  // the bytes the shop sends to the page (the page reads the answer into a blob, which the browser keeps no copy of)
  let pdf = null;
  await page.route('**/api/work-orders/*/sheets/**', async (route) => {
    const answer = await route.fetch();
    pdf = { status: answer.status(), type: answer.headers()['content-type'], body: await answer.body(), url: route.request().url() };
    await route.fulfill({ response: answer, body: pdf.body });
  });
  const [popup] = await Promise.all([page.context().waitForEvent('page'), bar.locator('[data-test="print-bill"]').click()]);
  // the PDF opens in a new tab of its own (fetched with the session's cookie, so as a blob)
  await popup.waitForURL(/^blob:/);
  assert.ok(pdf.url.endsWith(`/api/work-orders/${visit.id}/sheets/bill?paper=A4`), pdf.url);
  assert.equal(pdf.status, 200);
  assert.match(pdf.type, /^application\/pdf/);
  assert.equal(pdf.body.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.body.length > 1000, `a PDF of ${pdf.body.length} bytes`);
  await page.unroute('**/api/work-orders/*/sheets/**');
  await popup.close();

  await bar.locator('[data-test="ebill-issue"]').click();
  const dialog = page.locator('[data-test="ebill-dialog"]');
  await dialog.locator('[data-test="ebill-copy"]').waitFor();
  const url = await field(dialog, 'ebill-url').inputValue();
  assert.match(url, /\/api\/e-bill\/[A-Za-z0-9_-]{20,}$/);
  await shot(page, 'print-ebill');

  // the customer's phone: no login, the link's path on this shop (the configured public address may differ)
  const phone = await screen(browser, 'tablet');
  const customer = await phone.newPage();
  const opened = await customer.goto(BASE + new URL(url).pathname);
  assert.equal(opened.status(), 200);
  await customer.getByText(visit.number).first().waitFor();
  await shot(customer, 'print-ebill-customer');
  await phone.close();
});
