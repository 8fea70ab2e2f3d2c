// What the parts pages share: quantities and money as the API sends them (never computed here), files to and from
// the API (Excel import and exports, label PDFs), and the fields a refusal names.
import { ElMessage } from 'element-plus'
import { api, ApiError, describe } from '../../api.js'
import { locale } from '../../i18n.js'
import { session } from '../../session-state.js'

export { label, when, yuan, totalText, change, ifMatch } from '../workorder/shared.js'

/** A quantity as the API sends it (a decimal string: litres of oil): trailing zeros dropped, never rounded here. */
export function qty(value) {
  if (value === null || value === undefined || value === '') return '—'
  const s = String(value)
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s
}

/** A unit cost or price as the API sends it (2 or 4 decimals), with the yuan sign. */
export function cost(value) {
  if (value === null || value === undefined || value === '') return '—'
  return '¥' + String(value)
}

/** A date (yyyy-MM-dd) or an instant shown as its date. */
export function day(value) {
  if (!value) return '—'
  return String(value).slice(0, 10)
}

/**
 * A number as typed, for the API (which takes JSON numbers only): digits become a number, blank is null, anything
 * else is sent as typed so that the API names the field and says what is wrong.
 */
export function amount(text) {
  const s = String(text ?? '').trim()
  return s === '' ? null : /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s
}

/** The messages of a refusal by field (lines[2].quantity → lines[2].quantity and lines), for el-form-item :error. */
export function fieldErrors(err) {
  const errors = {}
  for (const p of (err && err.problems) || []) {
    if (!p.field) continue
    const keys = new Set([p.field, p.field.replace(/[[.].*$/, '')])
    for (const key of keys) errors[key] = errors[key] ? `${errors[key]}；${p.message}` : p.message
  }
  return errors
}

function headers(extra) {
  const h = { 'Accept-Language': locale(), ...extra }
  if (session.csrfToken) h['X-CSRF-Token'] = session.csrfToken
  return h
}

async function failure(response) {
  const type = response.headers.get('Content-Type') || ''
  const data = type.includes('json') ? await response.json() : await response.text()
  return new ApiError(response.status, typeof data === 'object' ? data : { detail: data })
}

/**
 * Downloads what the API makes (an Excel export, a label PDF) under the name the server gives (Content-Disposition)
 * or the fallback; GET without a body, POST with a JSON body.
 */
export async function download(path, fallbackName, { query, body } = {}) {
  const u = new URL('/api' + path, location.origin)
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') u.searchParams.append(k, v)
  const response = await fetch(u.pathname + u.search, {
    method: body === undefined ? 'GET' : 'POST',
    headers: headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  })
  if (!response.ok) {
    const err = await failure(response)
    ElMessage.error(describe(err))
    throw err
  }
  const blob = await response.blob()
  const disposition = response.headers.get('Content-Disposition') || ''
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition)
  const a = document.createElement('a')
  a.href = URL.createObjectURL(blob)
  a.download = named ? decodeURIComponent(named[1]) : fallbackName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(a.href), 10000)
  return a.download
}

/**
 * Sends a file (an Excel workbook) as the request body with its own Content-Type; answers the API's JSON. A refusal
 * is thrown as an ApiError (its body may carry the per-row report), without a message: the page shows the report.
 */
export async function upload(path, file, query) {
  const u = new URL('/api' + path, location.origin)
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') u.searchParams.append(k, v)
  const response = await fetch(u.pathname + u.search, {
    method: 'POST',
    headers: headers({
      Accept: 'application/json',
      'Content-Type': file.type || 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
    body: file,
    credentials: 'same-origin',
  })
  const type = response.headers.get('Content-Type') || ''
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text()
  if (response.ok) return data
  throw new ApiError(response.status, typeof data === 'object' ? data : { detail: data })
}

/** A part's number as printed: the API sends {printed, key} for a catalogue part and a plain string on ledger rows. */
export function partNo(value) {
  if (!value) return ''
  if (typeof value === 'string') return value
  if (value.number !== undefined) return partNo(value.number)
  return value.printed || value.key || ''
}

let warehousesLoaded = null
/** The shop's warehouses (read once per page load; active first, by code), [] when the role may not read them. */
export function warehouses(reload = false) {
  if (!warehousesLoaded || reload) {
    warehousesLoaded = api.get('/parts/warehouses', undefined, { quiet: true }).catch(() => [])
  }
  return warehousesLoaded
}

/** A warehouse's code and name for a table cell. */
export function warehouseName(list, id) {
  const w = (list || []).find((x) => x.id === id)
  return w ? w.code + ' ' + w.name : id ?? '—'
}

/** Row class for a quantity below zero or a variance: shown in red. */
export function signClass(value) {
  const n = Number(value)
  return n < 0 ? 'neg' : n > 0 ? 'pos' : ''
}
