// The API names the field of each problem; a form shows the message under that field (skills[0].code → skills).
export function fieldErrors(e) {
  const errors = {}
  for (const p of e.problems || []) {
    if (!p.field) continue
    const key = p.field.replace(/[[.].*$/, '')
    errors[key] = errors[key] ? `${errors[key]}；${p.message}` : p.message
  }
  return errors
}
