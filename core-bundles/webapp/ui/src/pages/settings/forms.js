// What every settings form does on 保存: send, then either close and read the list again, or show the API's problems
// under the fields they name (skills[0].code → skills) and, when someone changed the record meanwhile, re-read it.
import { ref } from 'vue'
import { ElMessage } from 'element-plus'
import { describe, isStale } from '../../api.js'
import { t } from '../../i18n.js'

export function fieldErrors(e) {
  const errors = {}
  for (const p of e.problems || []) {
    if (!p.field) continue
    const key = p.field.replace(/[[.].*$/, '')
    errors[key] = errors[key] ? `${errors[key]}；${p.message}` : p.message
  }
  return errors
}

/** busy and errors for the form; save(call) runs the API call and, when it went through, onSaved and reload. */
export function useSaving(reload, onSaved) {
  const busy = ref(false)
  const errors = ref({})
  async function save(call) {
    busy.value = true
    errors.value = {}
    try {
      await call()
      ElMessage.success(t('settings.saved'))
      onSaved()
      await reload()
    } catch (e) {
      errors.value = fieldErrors(e)
      ElMessage.error(describe(e))
      if (isStale(e)) await reload()
    } finally {
      busy.value = false
    }
  }
  return { busy, errors, save }
}
