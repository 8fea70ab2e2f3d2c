// Photos go up as the image itself with its own Content-Type (the API checks it against the bytes), not as JSON, so
// this is the one call that does not go through api.js's JSON request; it sends the same CSRF token and language.
import { ElMessage } from 'element-plus'
import { ApiError, describe } from '../../api.js'
import { session } from '../../session.js'
import { locale } from '../../i18n.js'

export async function uploadPhoto(workOrderId, file, caption) {
  const query = caption ? `?caption=${encodeURIComponent(caption)}` : ''
  const headers = { 'Content-Type': file.type || 'image/jpeg', Accept: 'application/json', 'Accept-Language': locale() }
  if (session.csrfToken) headers['X-CSRF-Token'] = session.csrfToken
  const response = await fetch(`/api/work-orders/${workOrderId}/photos${query}`, {
    method: 'POST',
    headers,
    body: file,
    credentials: 'same-origin'
  })
  const data = await response.json().catch(() => null)
  if (response.ok) return data
  const err = new ApiError(response.status, data)
  ElMessage.error(describe(err))
  throw err
}
