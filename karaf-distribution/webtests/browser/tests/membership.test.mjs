// The membership plugin's page and the cashier's dialog, as issue 16 tells the stored-value part: the advisor enrols a
// customer with consent and a PIN, the cashier sells a top-up (the shop's rule adds the bonus), the member enters the
// PIN for an authorisation, and the cashier takes 200 from the card (the dialog shows what it holds) and the rest in
// cash. Screenshots: target/screenshots/membership-*.png.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { browserTest, launch, screen, shot, staff, api, admin, t, logIn, field, RUN } from '../lib/shop.mjs';
import { billedVisit } from '../lib/visits.mjs';

const SERVICE = `HY-${RUN}`;
const NAME = `会员${RUN.slice(-4)}`;
const PIN = '258036';
const MOBILE = `137${RUN.padStart(8, '0').slice(-8)}`;
// the plugin's own texts, from the module it ships
const PLUGIN = JSON.parse(readFileSync(new URL('../../../../plugins/membership/rest/src/main/resources/web/messages.json',
  import.meta.url), 'utf8'))['zh-CN'].membership;

let browser;
let advisor, cashier, manager;
let customer;
let visit, bill;

const asAdvisor = () => api(advisor.login, advisor.password);
const asCashier = () => api(cashier.login, cashier.password);
const asManager = () => api(manager.login, manager.password);

async function choose(page, select, text) {
  await select.click();
  await page.getByRole('option', { name: text }).filter({ visible: true }).first().click();
}

/** The cashier's page with the member found by what the desk types (number, name, mobile) and the card open. */
async function openCard(text) {
  const till = await (await screen(browser, 'desk')).newPage();
  await logIn(till, cashier);
  await till.goto('/membership/members');
  await field(till, 'membership-number').fill(text);
  await till.getByRole('button', { name: t('common.search') }).first().click();
  await till.locator('[data-test="membership-table"]').getByText(member.memberNumber).waitFor();
  await till.locator('[data-test="membership-open"]').first().click();
  return { till, card: till.locator('[data-test="membership-card"]') };
}

before(async () => {
  browser = await launch();
  advisor = await staff('advisor');
  cashier = await staff('cashier', { name: `收银${RUN.slice(-2)}` });
  manager = await staff('manager', { name: `经理${RUN.slice(-2)}` });
  if ((await admin.get('/plugins/membership')).body.state !== 'ACTIVE') await admin.post('/plugins/membership/enable');
  await asManager().call('POST', '/labour-operations', { code: SERVICE, name: '保养', flatRateHours: 1 });
  customer = (await asAdvisor().post('/customers', { type: 'PERSON', name: NAME, mobile: MOBILE })).body;
  ({ visit, bill } = await billedVisit(asAdvisor(), asCashier(), asManager(),
    { plate: `苏E${RUN.slice(-5)}`, vinSeed: RUN + 16, ownerId: customer.id, service: SERVICE, unitPrice: 300 }));
});
after(async () => browser?.close());

let member;

browserTest('the advisor enrols a customer only with consent; the cashier sells a top-up with the bonus of the rule', async () => {
  const desk = await (await screen(browser, 'desk')).newPage();
  await logIn(desk, advisor);
  await desk.goto('/membership/members');
  await desk.locator('[data-test="membership-members"]').waitFor();
  await desk.locator('[data-test="membership-join-open"]').click();
  const join = desk.locator('[data-test="membership-join"]');
  await field(join, 'membership-join-q').fill(NAME);
  await join.locator('[data-test="membership-join-find"]').click();
  await join.getByText(NAME).click();
  await field(join, 'membership-join-pin').fill(PIN);
  // without the consent box: refused, nobody enrolled
  await join.locator('[data-test="membership-join-submit"]').click();
  await desk.locator('.el-message--error').first().waitFor();
  assert.equal((await asAdvisor().get(`/membership/members?customerId=${customer.id}`)).body.total, 0);
  await join.locator('[data-test="membership-join-consent"]').click();
  await shot(desk, 'membership-join');
  await join.locator('[data-test="membership-join-submit"]').click();
  await desk.locator('[data-test="membership-card"]').waitFor();
  member = (await asAdvisor().get(`/membership/members?customerId=${customer.id}`)).body.items[0];
  assert.ok(member && member.pinSet, JSON.stringify(member));
  // the advisor sees the balance but sells no top-up
  assert.equal(await desk.locator('[data-test="membership-topup"]').count(), 0);
  await desk.context().close();

  const { till, card } = await openCard(member.memberNumber.toLowerCase());
  await field(card, 'membership-topup-amount').fill('1000');
  await card.locator('[data-test="membership-topup-submit"]').click();
  await card.locator('[data-test="membership-total"]', { hasText: '1100' }).waitFor();
  await card.locator('[data-test="membership-bonus"]', { hasText: '100' }).waitFor();
  await card.locator('[data-test="membership-ledger"]').getByText(PLUGIN.kinds.TOP_UP).waitFor();
  await shot(till, 'membership-card');
  const balance = (await asCashier().get(`/membership/members/${member.id}/balance`)).body;
  assert.deepEqual([Number(balance.principal), Number(balance.bonus)], [1000, 100]);
  await till.context().close();
});

browserTest('the member enters the PIN; the cashier takes 200 from the card and the rest in cash', async () => {
  const { till, card } = await openCard(member.memberNumber);
  await card.getByRole('tab', { name: PLUGIN.authorise }).click();
  await field(card, 'membership-auth-amount').fill('200');
  await field(card, 'membership-auth-pin').fill(PIN);
  await card.locator('[data-test="membership-auth-submit"]').click();
  const shown = await card.locator('[data-test="membership-auth-code"]').innerText();
  const code = shown.match(/[2-9A-Z]{8}/)[0];
  await shot(till, 'membership-authorised');

  await till.goto(`/cashier/work-orders/${visit.id}`);
  const doc = till.locator('[data-test="cashier-doc-CUSTOMER"]');
  await doc.locator('[data-test="cashier-pay"]').click();
  const dialog = till.locator('[data-test="cashier-pay-dialog"]');
  // the card is offered with what it holds
  await choose(till, dialog.locator('[data-test="cashier-tender-method-0"]'),
    t('cashier.pay.pluginOffer', { method: '储值卡', amount: '¥1,100.00' }));
  await field(dialog, 'cashier-tender-amount-0').fill('200');
  await field(dialog, 'cashier-tender-reference-0').fill(code);
  await dialog.locator('[data-test="cashier-tender-add"]').click();
  await dialog.locator('[data-test="cashier-pay-remaining"]', { hasText: '0.00' }).waitFor();
  await shot(till, 'membership-pay');
  await dialog.locator('[data-test="cashier-pay-submit"]').click();
  await doc.locator('[data-test="cashier-doc-status"]', { hasText: t('cashier.status.SETTLED') }).waitFor();
  const paid = (await asCashier().get(`/settlements/${bill.id}`)).body;
  assert.deepEqual(paid.tenders.map((x) => [x.method, Number(x.amount)]),
    [['STORED_VALUE', 200], ['CASH', Number(bill.payable) - 200]]);
  const balance = (await asCashier().get(`/membership/members/${member.id}/balance`)).body;
  // 1,000 + 100 pays 200 in proportion: 181.82 + 18.18
  assert.deepEqual([Number(balance.principal), Number(balance.bonus)], [818.18, 81.82]);
  // stored value is the member's money: the whole 339.00 earns points, 1 a yuan
  assert.equal((await asCashier().get(`/membership/points/${member.id}`)).body.points, 339);
  await till.context().close();
});

browserTest('the cashier sells a package on the page; the next bill is paid by the package and a coupon, the rest in cash', async () => {
  const product = (await asManager().post('/membership/count-cards/products', {
    code: `P${RUN}`, name: `保养套餐${RUN.slice(-2)}`, price: 1500, uses: 5, operations: [SERVICE], validMonths: 12, binding: 'CUSTOMER',
  })).body;
  const campaign = (await asManager().post('/membership/campaigns', {
    code: `C${RUN}`, name: '会员月', kind: 'AMOUNT', value: 20, validFrom: '2026-01-01', validTo: '2036-12-31',
  })).body;
  await asManager().post('/membership/campaigns/issue', { campaignId: campaign.id });
  const coupon = (await asCashier().get(`/membership/campaigns/coupons?memberId=${member.id}`)).body
    .find((c) => c.campaignId === campaign.id);
  assert.ok(coupon, 'the member got the campaign\'s coupon');

  const { till, card } = await openCard(member.memberNumber);
  await card.getByRole('tab', { name: PLUGIN.countCards }).click();
  await choose(till, card.locator('[data-test="membership-card-product"]'), new RegExp(product.name));
  await card.locator('[data-test="membership-card-sell"]').click();
  await card.locator('[data-test="membership-cards-table"]').getByText(product.name).waitFor();
  const sold = (await asCashier().get(`/membership/count-cards?memberId=${member.id}`)).body.find((c) => c.productId === product.id);
  assert.equal(sold.usesLeft, 5);
  await shot(till, 'membership-package-sold');

  // the next visit: 保养 at 300 (339.00 with VAT)
  const next = await billedVisit(asAdvisor(), asCashier(), asManager(),
    { plate: `苏E${String(Number(RUN) + 7).slice(-5)}`, vinSeed: RUN + 17, ownerId: customer.id, service: SERVICE, unitPrice: 300 });
  await till.goto(`/cashier/work-orders/${next.visit.id}`);
  const doc = till.locator('[data-test="cashier-doc-CUSTOMER"]');
  await doc.locator('[data-test="cashier-pay"]').click();
  const dialog = till.locator('[data-test="cashier-pay-dialog"]');
  // the package pays the service, 339.00 (the dialog says so)
  await choose(till, dialog.locator('[data-test="cashier-tender-method-0"]'),
    t('cashier.pay.pluginOffer', { method: '次卡/套餐', amount: '¥339.00' }));
  await field(dialog, 'cashier-tender-amount-0').fill('319');
  await field(dialog, 'cashier-tender-reference-0').fill(sold.cardNumber);
  await dialog.locator('[data-test="cashier-tender-add"]').click();
  // the second select's list: the first one's may still be fading out on the page
  await dialog.locator('[data-test="cashier-tender-method-1"]').click();
  // (the list scrolls: the last entries sit under its edge, so the option is scrolled to before the click)
  const offer = till.getByRole('option', { name: t('cashier.pay.pluginOffer', { method: '优惠券', amount: '¥20.00' }) })
    .last();
  await offer.scrollIntoViewIfNeeded();
  await offer.dispatchEvent('click');
  await dialog.locator('[data-test="cashier-tender-1"]').getByText(t('cashier.pay.pluginReference')).waitFor();
  await field(dialog, 'cashier-tender-amount-1').fill('20');
  await field(dialog, 'cashier-tender-reference-1').fill(coupon.code);
  await dialog.locator('[data-test="cashier-pay-remaining"]', { hasText: '0.00' }).waitFor();
  await shot(till, 'membership-pay-package');
  await dialog.locator('[data-test="cashier-pay-submit"]').click();
  await doc.locator('[data-test="cashier-doc-status"]', { hasText: t('cashier.status.SETTLED') }).waitFor();
  const after = (await asCashier().get(`/membership/count-cards?memberId=${member.id}`)).body.find((c) => c.id === sold.id);
  assert.equal(after.usesLeft, 4);
  const used = (await asCashier().get(`/membership/campaigns/coupons?memberId=${member.id}`)).body.find((c) => c.id === coupon.id);
  assert.equal(used.usedSettlementId, next.bill.id);
  await till.context().close();
});


browserTest('the manager gives GOLD 10 % off labour; the cashier finds the member by mobile, sells GOLD, and the next bill takes it off', async () => {
  const office = await (await screen(browser, 'desk')).newPage();
  await logIn(office, manager);
  await office.goto('/membership/members');
  await office.locator('[data-test="membership-tiers-open"]').click();
  const tiers = office.locator('[data-test="membership-tiers"]');
  await field(tiers, 'membership-tier-labour-GOLD').fill('10');
  await tiers.locator('[data-test="membership-tier-save-GOLD"]').click();
  await office.locator('.el-message--success').first().waitFor();
  await shot(office, 'membership-tier-benefits');
  const gold = (await asManager().get('/membership/tiers')).body.find((b) => b.tier === 'GOLD');
  assert.equal(Number(gold.labourOff), 10);
  await office.context().close();

  // found by the customer's mobile, not the member number
  const { till, card } = await openCard(MOBILE);
  await card.getByRole('tab', { name: PLUGIN.buyTier }).click();
  await choose(till, card.locator('[data-test="membership-tier-select"]'), new RegExp(PLUGIN.tiers.GOLD));
  await card.locator('[data-test="membership-tier-submit"]').click();
  await card.locator('[data-test="membership-tier"]', { hasText: PLUGIN.tiers.GOLD }).waitFor();
  await card.locator('[data-test="membership-tier-purchases"]').getByText(PLUGIN.tiers.GOLD).waitFor();
  await shot(till, 'membership-tier-bought');

  // the next visit: 保养 at 300, of which GOLD takes 30.00 off before VAT
  const next = await billedVisit(asAdvisor(), asCashier(), asManager(),
    { plate: `苏E${String(Number(RUN) + 9).slice(-5)}`, vinSeed: RUN + 19, ownerId: customer.id, service: SERVICE, unitPrice: 300 });
  assert.deepEqual(next.bill.benefits.map((b) => [b.nameZh, Number(b.amount)]), [['会员 GOLD 工时9折', 30]]);
  assert.equal(Number(next.bill.payable), 305.1, '270.00 with 13 % VAT');
  await till.goto(`/cashier/work-orders/${next.visit.id}`);
  const doc = till.locator('[data-test="cashier-doc-CUSTOMER"]');
  await doc.locator('[data-test="cashier-doc-benefit"]', { hasText: '30.00' }).waitFor();
  await doc.getByText('会员 GOLD 工时9折').first().waitFor();
  await shot(till, 'membership-bill-benefit');
  await till.context().close();
});
