// Saving an archive record from its drawer: create (POST) or change (PUT with the version read); the fields the API
// names are marked, someone else's change first is said (已被他人修改) and the list reloaded, never overwritten.
import { ElMessage } from 'element-plus'
import { api, describe } from '../../api.js'
import { change, ifMatch } from '../workorder/shared.js'

export function clear(errors) {
  Object.keys(errors).forEach((k) => delete errors[k])
}

/** Answers the saved record, or undefined when refused (errors then names the fields). */
export async function saveRecord(t, { path, record, body, errors, reload }) {
  clear(errors)
  const done = await change(t,
    () => (record ? api.put(path + '/' + record.id, body, { ...ifMatch(record.version), quiet: true })
      : api.post(path, body, { quiet: true })),
    reload,
    (err) => {
      for (const p of err.problems || []) errors[p.field] = p.message
      ElMessage.error(describe(err))
    })
  if (done) ElMessage.success(t('archive.saved'))
  return done
}
