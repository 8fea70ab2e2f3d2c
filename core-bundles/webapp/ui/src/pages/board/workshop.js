// What the workshop pages (board, technician, QC) share: the board's columns, time display, and the few calls that
// need the work order's version (If-Match) or read many work orders at once.
import { api } from '../../api.js'

/** The board's columns, in the order a car moves through the workshop (the API's work-order statuses). */
export const BOARD_STATUSES = ['AWAITING_DISPATCH', 'IN_REPAIR', 'WAITING', 'AWAITING_QC', 'COMPLETED']

/** The work orders a technician may have jobs on. */
export const WORKSHOP_STATUSES = ['AWAITING_DISPATCH', 'IN_REPAIR', 'WAITING', 'AWAITING_QC']

/** "2026-12-02T15:00:00+08:00" (the API answers in the shop's time zone) as "12-02 15:00". */
export function shortTime(iso) {
  if (!iso) return ''
  return iso.slice(5, 16).replace('T', ' ')
}

/**
 * Hours and minutes (with seconds: also those) of an instant in the shop's time zone. The API writes every time with
 * the shop's offset (…+08:00); the board takes it from there, as the workshop TV's own clock may be set to anything.
 */
export function shopClock(ms, sample, seconds = false) {
  const m = /([+-])(\d\d):(\d\d)$/.exec(sample || '')
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : -new Date(ms).getTimezoneOffset()
  return new Date(ms + offset * 60_000).toISOString().slice(11, seconds ? 19 : 16)
}

/** A stored plate (京A12345) as people read it: 京A·12345. */
export function plateText(plate) {
  return plate && plate.length > 2 ? `${plate.slice(0, 2)}·${plate.slice(2)}` : plate
}

/** Past its promised time and not yet handed back: the API's flag, or the clock moved past it since we read it. */
export function isLate(wo, now) {
  if (wo.late) return true
  if (!wo.promisedAt || ['COMPLETED', 'DELIVERED', 'CANCELLED'].includes(wo.status)) return false
  return Date.parse(wo.promisedAt) < now
}

/** Options that send the version read as If-Match (a change meets 409 stale_version when someone moved it since). */
export function ifMatch(version) {
  return { headers: { 'If-Match': `"${version}"` } }
}

/** Every open work order in the given statuses (the board fits in one page of 200). */
export async function workOrdersIn(statuses, query = {}) {
  const page = await api.get('/work-orders', { status: statuses.join(','), size: 200, ...query })
  return page.items
}

/** Calls fn for each item, at most `width` at a time (a shop has tens of open work orders, not thousands). */
export async function pooled(items, fn, width = 4) {
  const results = new Array(items.length)
  let next = 0
  async function worker() {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker))
  return results
}

/** Who works each job of a work order: Map jobId → assignment. */
export async function assignmentsOf(workOrderId) {
  const list = await api.get(`/work-orders/${workOrderId}/assignments`)
  return new Map(list.map((a) => [a.jobId, a]))
}

/** Jobs that can be dispatched: approved by the customer, not declined, with at least one line. */
export function dispatchable(wo) {
  return wo.jobs.filter((j) => j.approval && !j.decline && j.lines.length > 0)
}

/** The distinct values of a list, in first-seen order. */
export function distinct(values) {
  return [...new Set(values.filter((v) => v !== null && v !== undefined && v !== ''))]
}
