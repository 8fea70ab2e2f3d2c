// 收银: the cashier's desk. The queue of completed work orders to settle is a menu entry for whoever settles or
// approves (the cashier; the manager sees it too and approves there); one work order's settlement opens from the
// queue or from the work-order page (whoever may read bills). 挂账对账 (credit accounts: ageing, monthly statements,
// receipts) and 交班日结 (the cashier's day: count the cash; the manager closes it) are for the cashiers' roles.
export default [
  {
    path: '/cashier',
    component: () => import('./CashierQueue.vue'),
    meta: { titleKey: 'cashier.queue.title', icon: 'Wallet', permission: ['settlement.settle', 'settlement.pay', 'settlement.discount.approve'], menu: true, order: 55 },
  },
  {
    path: '/cashier/work-orders/:id(\\d+)',
    component: () => import('./SettlementPage.vue'),
    meta: { titleKey: 'cashier.settlement.title', permission: 'settlement.read', menu: false },
  },
  {
    path: '/cashier/credit',
    component: () => import('./CreditPage.vue'),
    meta: { titleKey: 'cashier.credit.title', icon: 'Notebook', permission: ['settlement.statement.issue', 'settlement.credit.receive'], menu: true, order: 56 },
  },
  {
    path: '/cashier/cash-up',
    component: () => import('./CashUpPage.vue'),
    meta: { titleKey: 'cashier.cashup.title', icon: 'Money', permission: ['settlement.cashup.count', 'settlement.cashup.close'], menu: true, order: 57 },
  },
]
