// The OpenAPI document of /api, browsable for admins: the page asks for the session first (the same login as the
// app), and "Try it out" sends the session's CSRF token with every write.
;(async () => {
  const answer = await fetch('/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
  const session = answer.ok ? await answer.json() : null
  if (!session || !(session.roles || []).includes('admin')) {
    document.getElementById('refused').style.display = 'block'
    return
  }
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    requestInterceptor: (request) => {
      if (request.method && request.method !== 'GET') request.headers['X-CSRF-Token'] = session.csrfToken
      return request
    }
  })
})()
