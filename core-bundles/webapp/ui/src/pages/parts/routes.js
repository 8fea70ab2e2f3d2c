// 配件: the parts clerk's desk (catalogue, stock, receiving, the pick lists of work orders, transfers, stocktake,
// purchasing, alerts, the ledger). One sub-menu; each entry only for a role whose permissions let it read that page
// (the names of perms.js, written out: the browser tests read them from here).
const group = { groupKey: 'parts.group', groupIcon: 'Goods' }
export default [
  {
    path: '/parts/catalogue',
    component: () => import('./CataloguePage.vue'),
    meta: { titleKey: 'parts.catalogue.title', icon: 'Notebook', permission: ['parts.catalogue.read', 'parts.read'], menu: true, order: 80, ...group },
  },
  {
    path: '/parts/stock',
    component: () => import('./StockPage.vue'),
    meta: { titleKey: 'parts.stock.title', icon: 'Box', permission: ['parts.stock.read', 'parts.read'], menu: true, order: 81, ...group },
  },
  {
    path: '/parts/receiving',
    component: () => import('./ReceivingPage.vue'),
    meta: { titleKey: 'parts.receiving.title', icon: 'Postcard', permission: ['parts.receive', 'parts.stock.receive', 'parts.po.receive'], menu: true, order: 82, ...group },
  },
  {
    path: '/parts/pick-lists',
    component: () => import('./PickListPage.vue'),
    meta: { titleKey: 'parts.pick.title', icon: 'List', permission: ['parts.issue', 'parts.return', 'parts.stock.issue'], menu: true, order: 83, ...group },
  },
  {
    path: '/parts/transfers',
    component: () => import('./TransfersPage.vue'),
    meta: { titleKey: 'parts.transfer.title', icon: 'Van', permission: ['parts.transfer', 'parts.stock.transfer'], menu: true, order: 84, ...group },
  },
  {
    path: '/parts/stocktakes',
    component: () => import('./StocktakePage.vue'),
    meta: { titleKey: 'parts.stocktake.title', icon: 'Checked', permission: 'parts.stocktake.read', menu: true, order: 85, ...group },
  },
  {
    path: '/parts/purchasing',
    component: () => import('./PurchasingPage.vue'),
    meta: { titleKey: 'parts.po.title', icon: 'Shop', permission: 'parts.po.read', menu: true, order: 86, ...group },
  },
  {
    path: '/parts/alerts',
    component: () => import('./AlertsPage.vue'),
    meta: { titleKey: 'parts.alerts.title', icon: 'Bell', permission: 'parts.analysis.read', menu: true, order: 87, ...group },
  },
  {
    path: '/parts/ledger',
    component: () => import('./LedgerPage.vue'),
    meta: { titleKey: 'parts.ledger.title', icon: 'Tickets', permission: 'parts.ledger.read', menu: true, order: 88, ...group },
  },
]
