// 发票 through the pages (issue 14 item 6): on a settled bill the cashier asks for a special VAT invoice for the
// company; without the bank it is refused under the bank's fields and nothing is stored; with it, the request is on
// the invoices page, the cashier records the number the tax software gave and exports the period as Excel; the
// cashier gets no void button, the manager voids it with a reason. The work order is prepared through the API.
// Screenshots: target/screenshots/invoice-*.png.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserTest, launch, screen, shot, staff, api, t, logIn, openMenu, field, RUN } from '../lib/shop.mjs';
import { paidVisit } from '../lib/visits.mjs';

const SERVICE = `IV-${RUN}`;
const COMPANY = `福州顺达物流${RUN}`;
const TAXPAYER = '91350100M000100Y43';
const INVOICE_NO = `2635${RUN.padStart(16, '0').slice(-16)}`;

let browser;
let advisor, cashier, manager;
let visit;
let bill;

const asAdvisor = () => api(advisor.login, advisor.password);
const asCashier = () => api(cashier.login, cashier.password);
const asManager = () => api(manager.login, manager.password);

const invoicesOf = async () => (await asCashier().get(`/invoices?settlementId=${bill.id}`)).body;

before(async () => {
  browser = await launch();
  advisor = await staff('advisor');
  cashier = await staff('cashier', { name: `收银${RUN.slice(-2)}` });
  manager = await staff('manager', { name: `经理${RUN.slice(-2)}` });
  await asManager().call('POST', '/labour-operations', { code: SERVICE, name: '保养', flatRateHours: 1 });
  const company = (await asAdvisor().post('/customers', { type: 'COMPANY', name: COMPANY, mobile: `136${RUN.padStart(8, '0').slice(-8)}` })).body.id;
  ({ visit, bill } = await paidVisit(asAdvisor(), asCashier(), asManager(),
    { plate: `闽A${RUN.slice(-5)}`, vinSeed: RUN + 11, ownerId: company, service: SERVICE, unitPrice: 200 }));
  assert.equal(bill.status, 'SETTLED');
});
after(async () => browser?.close());

browserTest('the cashier asks for a special invoice on the bill; without the bank it is refused and nothing is stored', async () => {
  const page = await (await screen(browser, 'desk')).newPage();
  await logIn(page, cashier);
  await page.goto(`/cashier/work-orders/${visit.id}`);
  await page.locator(`[data-test="cashier-doc-CUSTOMER"] [data-test="cashier-invoice"]`).click();
  const dialog = page.locator('[data-test="invoice-request"]');
  await dialog.getByText(t('invoices.kind.SPECIAL')).click();
  await field(dialog, 'invoice-request-buyerName').fill(COMPANY);
  await field(dialog, 'invoice-request-taxpayerNumber').fill(TAXPAYER);
  await field(dialog, 'invoice-request-address').fill('福州市鼓楼区五四路 88 号');
  await field(dialog, 'invoice-request-phone').fill('0591-87654321');
  await dialog.locator('[data-test="invoice-request-save"]').click();
  await dialog.locator('.el-form-item', { has: page.locator('[data-test="invoice-request-bank"]') }).locator('.el-form-item__error').waitFor();
  await shot(page, 'invoice-refused');
  assert.deepEqual(await invoicesOf(), [], 'a refused request stores nothing');

  await field(dialog, 'invoice-request-bank').fill('兴业银行福州分行');
  await field(dialog, 'invoice-request-bankAccount').fill('117010100100123456');
  await dialog.locator('[data-test="invoice-request-save"]').click();
  await dialog.waitFor({ state: 'hidden' });
  const [made] = await invoicesOf();
  assert.equal(made.kind, 'SPECIAL');
  assert.equal(made.status, 'REQUESTED');
  assert.equal(Number(made.total), Number(bill.payable), 'the amounts are the bill\'s');
  await page.context().close();
});

browserTest('on the invoices page the cashier records the number and exports the period; the manager voids it', async () => {
  const page = await (await screen(browser, 'desk')).newPage();
  await logIn(page, cashier);
  await openMenu(page, 'invoices.title');
  const [request] = await invoicesOf();
  await page.locator(`[data-test="invoices-issue"][data-number="${request.number}"]`).click();
  const dialog = page.locator('[data-test="invoices-issue-dialog"]');
  await field(dialog, 'invoices-issue-number').fill(INVOICE_NO);
  await dialog.locator('[data-test="invoices-issue-save"]').click();
  await page.locator('[data-test="invoices-table"]').getByText(INVOICE_NO).waitFor();
  const [issued] = await invoicesOf();
  assert.equal(issued.status, 'ISSUED');
  assert.equal(issued.invoiceNumber, INVOICE_NO);
  assert.equal(await page.locator('[data-test="invoices-void"]').count(), 0, 'the cashier may not void');
  const download = page.waitForEvent('download');
  await page.locator('[data-test="invoices-export-xlsx"]').click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.xlsx$/);
  await shot(page, 'invoice-issued');
  await page.context().close();

  const office = await (await screen(browser, 'desk')).newPage();
  await logIn(office, manager);
  await openMenu(office, 'invoices.title');
  await office.locator(`[data-test="invoices-void"][data-number="${request.number}"]`).click();
  const box = office.locator('.el-message-box');
  await box.locator('input').fill('抬头开错，重开');
  await box.getByRole('button', { name: 'OK' }).or(box.locator('.el-button--primary')).first().click();
  await office.locator('[data-test="invoices-row-status"]', { hasText: t('invoices.status.VOIDED') }).waitFor();
  await shot(office, 'invoice-voided');
  const [voided] = await invoicesOf();
  assert.equal(voided.status, 'VOIDED');
  assert.equal(voided.reason, '抬头开错，重开');
  await office.context().close();
});
