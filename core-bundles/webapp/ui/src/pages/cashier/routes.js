// 收银: the cashier's desk. The queue of completed work orders to settle is a menu entry for whoever settles or
// approves (the cashier; the manager sees it too and approves there); one work order's settlement opens from the
// queue or from the work-order page (whoever may read bills).
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
]
