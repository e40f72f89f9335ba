// The demo page's hints (the fictional postal codes, the demo mailbox) show only when this server runs the
// demo: GET /demo/status answers then (api/outreach/demo-mailbox.ts) and is 404 on any other server.
fetch('/demo/status', { credentials: 'omit' })
  .then((r) => (r.ok ? r.json() : null))
  .then((status) => {
    if (!status) return;
    for (const el of document.querySelectorAll('[data-demo]')) if (status[el.getAttribute('data-demo')] === true) el.hidden = false;
  })
  .catch(() => {});
