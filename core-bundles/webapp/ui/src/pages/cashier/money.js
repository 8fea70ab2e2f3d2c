// Money on the cashier's pages: the API sends yuan as decimal numbers; the dialog adds tenders and computes the change
// in whole fen (integers), never in floating point, so 146.90 + 100.00 is exactly what the API will check.
import { yuan } from '../workorder/shared.js'

export { yuan }

/** "146.9", 146.9, "146.90" → 14690; null for what is not an amount of yuan with at most 2 decimals. */
export function toFen(value) {
  if (value === null || value === undefined) return null
  const text = String(value).trim()
  const m = /^(-?)(\d+)(?:\.(\d{0,2}))?$/.exec(text)
  if (!m) return null
  const fen = Number(m[2]) * 100 + Number((m[3] || '').padEnd(2, '0'))
  return m[1] ? -fen : fen
}

/** 14690 → "146.90" (what the API takes: a decimal with 2 places). */
export function fenText(fen) {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return sign + Math.floor(abs / 100) + '.' + String(abs % 100).padStart(2, '0')
}

/** Shown as staff read money: ¥1,234.50. */
export function fenYuan(fen) {
  return fen === null || fen === undefined ? '—' : yuan(fenText(fen))
}

/** The document's states (SettlementStatus) as tag colours. */
export const STATUS_TYPE = {
  AWAITING_APPROVAL: 'warning',
  OPEN: 'danger',
  SETTLED: 'success',
  REVERSED: 'info',
  VOID: 'info',
}

export const PAYERS = ['CUSTOMER', 'INSURER', 'MANUFACTURER', 'INTERNAL', 'GOODWILL']

/** A job's pay type on the work order → the payer it bills by default (Settlements#settle). */
export const PAYER_OF_PAY_TYPE = { CUSTOMER: 'CUSTOMER', INSURANCE: 'INSURER', WARRANTY: 'MANUFACTURER', INTERNAL: 'INTERNAL' }

/** The documents that count now: not voided, not reversed, not reversals. */
export function currentDocuments(docs) {
  return docs.filter((d) => !['VOID', 'REVERSED'].includes(d.status) && d.reversalOfId == null)
}

/**
 * Where a work order stands with the cashier, from its documents: NONE (not settled), REVERSED (a paid bill was
 * reversed and nothing newer built: to be settled again, whatever other payers' documents are still open),
 * AWAITING_APPROVAL, OPEN (to be paid), CUSTOMER_PAID (the customer's bill paid, another payer's open), SETTLED (every
 * current document paid).
 */
export function settlementState(docs) {
  const current = currentDocuments(docs)
  const reversedRound = Math.max(0, ...docs.filter((d) => d.status === 'REVERSED').map((d) => d.round))
  if (reversedRound && !current.some((d) => d.round > reversedRound)) return 'REVERSED'
  if (!current.length) return 'NONE'
  if (current.some((d) => d.status === 'AWAITING_APPROVAL')) return 'AWAITING_APPROVAL'
  if (current.some((d) => d.status === 'OPEN')) {
    // the car may leave once the customer has paid, while an insurer or the manufacturer pays later
    const customer = current.find((d) => d.payer === 'CUSTOMER')
    return customer && customer.status === 'SETTLED' ? 'CUSTOMER_PAID' : 'OPEN'
  }
  return 'SETTLED'
}

export const STATE_TYPE = {
  NONE: 'warning', AWAITING_APPROVAL: 'warning', OPEN: 'danger', CUSTOMER_PAID: 'success', SETTLED: 'success', REVERSED: 'info',
}
