/*! Talentscan host SDK 1.0 — mounts the scan in an iframe and speaks the embed protocol (docs/embed-protocol.md). */
((g) => {
  var SOURCE = 'talentscan';
  var VERSION = '1.0';
  var HELLO_EVERY_MS = 500;
  var HELLO_TRIES = 20;

  function randomId() {
    var bytes = new Uint8Array(12);
    g.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, (b) => `0${b.toString(16)}`.slice(-2)).join('');
  }

  /**
   * mount(element, { pilot, origin, locale?, startToken?, onEvent? }) → { embedId, iframe, start(), pause(), setLocale(l), destroy() }
   * `origin` is the Talentscan server's origin; messages are exchanged with that origin only, never "*".
   * `startToken(embedId)` returns (a promise of) the pilot backend's start token; asked when the session is created.
   */
  function mount(element, options) {
    if (!element || typeof element.appendChild !== 'function') throw new TypeError('Talentscan.mount: element is required');
    var o = options || {};
    if (typeof o.pilot !== 'string' || !/^[a-z0-9-]{1,64}$/.test(o.pilot)) throw new TypeError('Talentscan.mount: pilot id is required');
    var origin = new URL(o.origin).origin;
    var embedId = randomId();
    var onEvent = typeof o.onEvent === 'function' ? o.onEvent : () => {};
    var tokens = o.startToken;
    var ready = false;
    var tries = 0;
    var timer = null;
    var pending = [];

    var src = new URL('/embed', origin);
    src.searchParams.set('pilot', o.pilot);
    src.searchParams.set('embedId', embedId);
    src.searchParams.set('hostOrigin', g.location.origin);
    if (o.locale) src.searchParams.set('lang', o.locale);
    // Test builds of Talentscan only (production builds ignore it): the automation hook for a pilot's browser tests.
    if (o.automation) src.searchParams.set('automation', '1');

    var iframe = g.document.createElement('iframe');
    iframe.src = src.href;
    iframe.title = o.title || 'Talentscan';
    iframe.allow = 'fullscreen; cross-origin-isolated';
    // Scripts and its own storage (IndexedDB, workers) on its own origin; downloads and a wallet link; nothing else.
    iframe.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-downloads allow-popups allow-popups-to-escape-sandbox');
    iframe.style.cssText = 'display:block;inline-size:100%;block-size:640px;border:0;';
    element.appendChild(iframe);

    function post(type, payload) {
      if (!iframe.contentWindow) return;
      iframe.contentWindow.postMessage({ source: SOURCE, version: VERSION, embedId: embedId, type: type, payload: payload || {} }, origin);
    }

    function command(type, payload) {
      if (ready) post(type, payload);
      else pending.push([type, payload]);
    }

    function hello() {
      if (ready || tries >= HELLO_TRIES) return;
      tries++;
      post('hello', tokens ? { version: VERSION, startToken: true } : { version: VERSION });
      timer = g.setTimeout(hello, HELLO_EVERY_MS);
    }

    function receive(e) {
      if (e.origin !== origin || e.source !== iframe.contentWindow) return;
      var m = e.data;
      if (!m || m.source !== SOURCE || m.embedId !== embedId || typeof m.type !== 'string') return;
      // Answered here, not passed on: the page gave its way to get a token at mount.
      if (m.type === 'startToken.request') {
        new Promise((ok) => {
          ok(typeof tokens === 'function' ? tokens(embedId) : tokens);
        })
          .then(
            (t) => (typeof t === 'string' ? t : null),
            (err) => {
              g.console.error(err);
              return null;
            },
          )
          .then((t) => {
            post('startToken', { token: t });
          });
        return;
      }
      if (m.type === 'ready' && !ready) {
        ready = true;
        g.clearTimeout(timer);
        pending.splice(0).forEach((c) => {
          post(c[0], c[1]);
        });
      }
      if (m.type === 'resize' && m.payload && typeof m.payload.height === 'number' && m.payload.height > 0) {
        iframe.style.blockSize = `${Math.ceil(Math.min(m.payload.height, 10000))}px`;
      }
      try {
        onEvent(m.type, m.payload);
      } catch (err) {
        g.console.error(err);
      }
    }

    g.addEventListener('message', receive);
    iframe.addEventListener('load', () => {
      tries = 0;
      hello();
    });

    return {
      embedId: embedId,
      iframe: iframe,
      start: () => {
        command('start', {});
      },
      pause: () => {
        command('pause', {});
      },
      setLocale: (locale) => {
        command('setLocale', { locale: locale });
      },
      destroy: () => {
        g.clearTimeout(timer);
        g.removeEventListener('message', receive);
        iframe.remove();
      },
    };
  }

  g.Talentscan = Object.freeze({ version: VERSION, mount: mount });
})(globalThis);
