// What the desk's four areas (desk, workorder, appointment, archive) share: money, times and plates as staff read
// them, the work-order status moves, and the handling of a change someone else made first (409 stale_version).
import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError, describe, isStale } from '../../api.js'
import { t } from '../../i18n.js'
import { session } from '../../session-state.js'

/** The label of an enum value from the locale files: label('workorder.status', 'IN_REPAIR') → 维修中. */
export function label(group, value, params) {
  return value ? t(group + '.' + value, params || {}) : ''
}

/** The request options that name the version read (the record's ETag is its version). */
export function ifMatch(version) {
  return { headers: { 'If-Match': '"' + version + '"' } }
}

/**
 * Uploads a walk-around photo: the body is the image itself with its own Content-Type (api.js sends JSON only;
 * WEB-CONTRACT.md asks for api.upload). Throws an ApiError like api.js, after showing the API's message.
 */
export async function uploadPhoto(workOrderId, file, caption) {
  const query = caption ? '?caption=' + encodeURIComponent(caption) : ''
  const headers = { Accept: 'application/json', 'Content-Type': file.type || 'application/octet-stream' }
  if (session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken
  const response = await fetch('/api/work-orders/' + workOrderId + '/photos' + query, {
    method: 'POST', headers, body: file, credentials: 'same-origin',
  })
  const type = response.headers.get('Content-Type') || ''
  const data = type.includes('json') ? await response.json() : await response.text()
  if (response.ok) return data
  const err = new ApiError(response.status, typeof data === 'object' ? data : { detail: data })
  ElMessage.error(file.name + ': ' + describe(err))
  throw err
}

/** Yuan with 2 decimals, as the API sends them (strings or numbers, never computed here). */
export function yuan(value) {
  if (value === null || value === undefined || value === '') return '—'
  const n = Number(value)
  return '¥' + n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })
}

/** An instant from the API (ISO with the shop's offset) shown as the shop's local date and minute. */
export function when(iso) {
  if (!iso) return '—'
  // the API answers in the shop's time zone (+08:00): show its wall-clock digits, not the browser's
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso)
  return m ? m[1] + ' ' + m[2] : iso
}

/** Today in the shop's time zone (Asia/Shanghai unless the shop says otherwise), yyyy-MM-dd. */
export function shopToday(offsetDays = 0) {
  const d = new Date(Date.now() + offsetDays * 86400000)
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(d)
}

/** The shop's wall-clock time now, HH:mm (a slot that has begun can no longer be booked). */
export function shopNow() {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date())
}

/** True for a slot of that day which has already begun in the shop. */
export function slotBegun(day, start) {
  return day < shopToday() || (day === shopToday() && start.slice(0, 5) <= shopNow())
}

/** A plate as people type it ("京a·12345", "京A 12345") in the archive's spelling: for display while typing only. */
export function plateShape(text) {
  return (text || '').replace(/[\s·.\-_]/g, '').toUpperCase()
}

/** The masked mobile rule of the customer archive, for a number typed at the desk before it is saved. */
export function maskMobile(m) {
  return m && m.length === 11 ? m.slice(0, 3) + '****' + m.slice(7) : m
}

/** "1000+" when the API counted only up to its limit. */
export function totalText(page) {
  if (!page) return '0'
  return page.totalExact === false ? page.total + '+' : String(page.total)
}

/** The allowed moves (WorkOrderStatus) with the permission each needs (JpaWorkOrderFlow). */
const MOVES = {
  AWAITING_DISPATCH: ['IN_REPAIR'],
  IN_REPAIR: ['WAITING', 'AWAITING_QC'],
  WAITING: ['IN_REPAIR'],
  AWAITING_QC: ['IN_REPAIR', 'COMPLETED'],
  COMPLETED: ['DELIVERED'],
  DELIVERED: [],
  CANCELLED: [],
}
const WORKSHOP = ['IN_REPAIR', 'WAITING', 'AWAITING_QC']

export function statusMoves(status, can) {
  const targets = [...(MOVES[status] || [])]
  if (status !== 'DELIVERED' && status !== 'CANCELLED') targets.push('CANCELLED')
  return targets.filter((to) => can(WORKSHOP.includes(to) ? 'workorder.status.workshop' : 'workorder.status.close'))
}

export const STATUS_TYPE = {
  AWAITING_DISPATCH: 'warning',
  IN_REPAIR: 'primary',
  WAITING: 'danger',
  AWAITING_QC: 'warning',
  COMPLETED: 'success',
  DELIVERED: 'info',
  CANCELLED: 'info',
}

export const VISIT_TYPES = ['MAINTENANCE', 'GENERAL_REPAIR', 'ACCIDENT', 'WARRANTY', 'INSURANCE', 'INTERNAL', 'PDI']
export const PAY_TYPES = ['CUSTOMER', 'WARRANTY', 'INSURANCE', 'INTERNAL']
export const LINE_TYPES = ['LABOUR', 'PART', 'SUBLET', 'FEE']
export const CHANNELS = ['IN_PERSON', 'PHONE', 'WECHAT', 'SMS']
export const STATUSES = Object.keys(MOVES)

/**
 * Runs a change; when someone else changed the record first (409 stale_version) says so and offers to reload,
 * never retrying with the newer version on its own. Returns the change's answer, or undefined when it was refused
 * (other refusals go to onError, after api.js showed their text).
 */
export async function change(t, action, reload, onError) {
  try {
    return await action()
  } catch (err) {
    if (isStale(err)) {
      try {
        await ElMessageBox.confirm(t('workorder.stale.text'), t('workorder.stale.title'), {
          confirmButtonText: t('workorder.stale.reload'),
          cancelButtonText: t('workorder.actions.close'),
          type: 'warning',
        })
        await reload()
      } catch {
        // the user keeps the page as it is; the next change will be refused again until reloaded
      }
      return undefined
    }
    // api.js has shown the problem's text; the form may also mark the field it names
    if (onError) onError(err)
    return undefined
  }
}

/** The first problem's message for a field, for el-form-item :error. */
export function fieldError(err, field) {
  const p = (err && err.problems || []).find((x) => x.field === field || (x.field || '').startsWith(field + '['))
  return p ? p.message : ''
}
