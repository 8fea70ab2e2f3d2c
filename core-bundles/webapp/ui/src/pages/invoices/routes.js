// 发票: the invoice requests customers made at the cash desk, issued by number (or through the 数电票 provider),
// exported for the shop's tax software, voided by the manager. A request is made on the bill (the settlement page).
export default [
  {
    path: '/invoices',
    component: () => import('./InvoicesPage.vue'),
    meta: { titleKey: 'invoices.title', icon: 'Tickets', permission: 'invoice.read', menu: true, order: 58 },
  },
]
