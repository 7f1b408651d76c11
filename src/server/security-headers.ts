/**
 * Headers for every response of the app. Shared by the Vite dev/preview servers and the production server so that
 * what is tested is what is served.
 *
 * - COOP + COEP make the page cross-origin isolated: `event.timeStamp` and rAF times get 5 µs resolution instead of
 *   100 µs (see docs/timing.md), and nothing from another origin can load.
 * - The CSP allows only our own origin: no third-party requests, no inline script.
 */
export function securityHeaders(opts: { dev?: boolean; frameAncestors?: readonly string[] } = {}): Record<string, string> {
  const connect = opts.dev ? "'self' ws: wss:" : "'self'";
  // The embed page may be framed by its pilot's host origins only (none when the pilot has none); every other page
  // by our own origin only.
  const ancestors = opts.frameAncestors ? (opts.frameAncestors.length ? opts.frameAncestors.join(' ') : "'none'") : "'self'";
  return {
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Embedder-Policy': 'require-corp',
    // A framed page must be loadable by a cross-origin-isolated host as well.
    'Cross-Origin-Resource-Policy': opts.frameAncestors ? 'cross-origin' : 'same-origin',
    'Content-Security-Policy': [
      "default-src 'self'",
      `script-src 'self'${opts.dev ? " 'unsafe-inline'" : ''}`,
      // Phaser measures the viewport with an element whose style attribute it sets; styles cannot run code.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      `connect-src ${connect}`,
      "worker-src 'self' blob:",
      "object-src 'none'",
      "base-uri 'none'",
      "form-action 'self'",
      `frame-ancestors ${ancestors}`,
    ].join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    // The coach workspace reads QR codes with the camera (our own pages only; the browser still asks the user).
    'Permissions-Policy': 'camera=(self), microphone=(), geolocation=(), payment=()',
  };
}
