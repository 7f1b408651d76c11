// A partner page's whole integration: load the SDK from the Talentscan origin, mount, listen.
const container = document.getElementById('scan');
const origin = container.dataset.talentscanOrigin;
const { Talentscan } = await import(`${origin}/embed.mjs`);
const events = document.getElementById('events');

// Kept for the browser tests and for a developer's console: every event, in order; the start tokens fetched.
window.receivedEvents = [];
window.startTokens = [];

// The pilot's own backend (here: this demo host's server) signs a start token for this mount: Talentscan then knows the
// scan runs in this page. A real backend signs only for its own signed-in user.
async function startToken(embedId) {
  const res = await fetch('/start-token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embedId }) });
  if (!res.ok) throw new Error(`start token: ${res.status}`);
  const { token } = await res.json();
  window.startTokens.push(token);
  return token;
}

const handle = Talentscan.mount(container, {
  pilot: container.dataset.pilot,
  origin,
  locale: 'nl',
  startToken,
  // Only for browser tests against a test build (`?automation=1` on this page); production builds ignore it.
  automation: new URLSearchParams(location.search).get('automation') === '1',
  onEvent(type, payload) {
    window.receivedEvents.push({ type, payload });
    const li = document.createElement('li');
    li.textContent = `${type} ${JSON.stringify(payload)}`;
    events.append(li);
  },
});
window.talentscanHandle = handle;

for (const el of document.querySelectorAll('[data-cmd]')) {
  const cmd = el.dataset.cmd;
  if (el.tagName === 'SELECT') el.addEventListener('change', () => handle.setLocale(el.value));
  else el.addEventListener('click', () => handle[cmd]());
}
