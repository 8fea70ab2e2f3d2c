// 报表: the manager's dashboard, the KPI pack with its drill-down, revenue and margins, technician figures, and the
// workshop resources the KPIs divide by. Everything is computed from what the platform recorded (/api/reports).
const group = { groupKey: 'reports.group', groupIcon: 'DataAnalysis' }
export default [
  {
    path: '/reports',
    component: () => import('./DashboardPage.vue'),
    meta: { titleKey: 'reports.dashboard.title', icon: 'Monitor', permission: 'report.read', menu: true, order: 90, ...group },
  },
  {
    path: '/reports/kpis',
    component: () => import('./KpiPage.vue'),
    meta: { titleKey: 'reports.kpis.title', icon: 'DataAnalysis', permission: 'report.read', menu: true, order: 91, ...group },
  },
  {
    path: '/reports/revenue',
    component: () => import('./RevenuePage.vue'),
    meta: { titleKey: 'reports.revenue.title', icon: 'Money', permission: 'report.read', menu: true, order: 92, ...group },
  },
  {
    path: '/reports/technicians',
    component: () => import('./TechniciansPage.vue'),
    meta: { titleKey: 'reports.technicians.title', icon: 'UserFilled', permission: 'report.read', menu: true, order: 93, ...group },
  },
  {
    path: '/reports/customers',
    component: () => import('./CustomersPage.vue'),
    meta: { titleKey: 'reports.customers.title', icon: 'User', permission: 'report.read', menu: true, order: 935, ...group },
  },
  {
    path: '/reports/resources',
    component: () => import('./ResourcesPage.vue'),
    meta: { titleKey: 'reports.resources.title', icon: 'Calendar', permission: 'report.resources.edit', menu: true, order: 94, ...group },
  },
]
