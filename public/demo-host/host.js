// A partner page's whole integration: load the SDK from the Talentscan origin, mount, listen.
const container = document.getElementById('scan');
const origin = container.dataset.talentscanOrigin;
const { Talentscan } = await import(`${origin}/embed.mjs`);
const events = document.getElementById('events');

// Kept for the browser tests and for a developer's console: every event, in order.
window.receivedEvents = [];

const handle = Talentscan.mount(container, {
  pilot: container.dataset.pilot,
  origin,
  locale: 'nl',
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
