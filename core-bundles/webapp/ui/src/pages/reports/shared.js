// Periods and figures as the report pages show them.
export const day = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`

/** This month as [first day, last day]. */
export function thisMonth(now = new Date()) {
  return [day(new Date(now.getFullYear(), now.getMonth(), 1)), day(new Date(now.getFullYear(), now.getMonth() + 1, 0))]
}

/** A month 'yyyy-MM' as [first day, last day]. */
export function monthPeriod(month) {
  const [y, m] = month.split('-').map(Number)
  return [day(new Date(y, m - 1, 1)), day(new Date(y, m, 0))]
}

/** A KPI value in its unit: 12.34 %, ¥1,234.50, or the number. */
export function figure(value, unit) {
  if (value === null || value === undefined) return '—'
  const n = Number(value)
  if (unit === 'PERCENT') return (n * 100).toFixed(2) + ' %'
  if (unit === 'YUAN') return '¥' + n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
  if (unit === 'COUNT') return String(n)
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '')
}

/** The change from a comparison value, as +12.3 % (null when either is missing or the base is 0). */
export function change(value, base) {
  if (value === null || value === undefined || base === null || base === undefined || Number(base) === 0) return null
  const pct = ((Number(value) - Number(base)) / Math.abs(Number(base))) * 100
  return (pct >= 0 ? '+' : '') + pct.toFixed(1) + ' %'
}
