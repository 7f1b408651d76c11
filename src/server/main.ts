/**
 * `npm start` / `npm run serve`: ONE process serves the built app and the credential issuer on the same origin —
 * the issuer under /issuer/… and /.well-known/…, everything else from the app folder (app.ts).
 *
 * Beside it, on DEMO_HOST_PORT (default PORT + 1; `off` for none), the demo pilot's host page: another origin that
 * embeds the scan with the host SDK (demo-host.ts).
 *
 * Environment: PORT (default 8080), HOST (default 127.0.0.1), APP_DIR (default dist), LOG_LEVEL (default info);
 * the issuer's variables are listed in config.ts (ISSUER_URL, ISSUER_DID, ISSUER_KEY_FILE / ISSUER_KEY, ISSUER_KID,
 * ISSUER_ADMIN_TOKEN, …).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { profileFromLogSource } from '../credential/profile-source.ts';
import { buildApp } from './app.ts';
import { configFromEnv } from './config.ts';
import { buildDemoHost } from './demo-host.ts';
import { createIssuer } from './issuer.ts';
import { loadPilots } from './pilots.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const appDir = resolve(process.env.APP_DIR ?? 'dist');

if (!existsSync(resolve(appDir, 'index.html'))) {
  console.error(`No built app in ${appDir}. Run "npm run build" first (npm start does this for you).`);
  process.exit(1);
}

const config = configFromEnv(process.env, { host, port });
const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
const demoPort = process.env.DEMO_HOST_PORT === 'off' ? null : Number(process.env.DEMO_HOST_PORT ?? port + 1);
const demoUrl = demoPort === null ? null : `http://${host === '0.0.0.0' ? 'localhost' : host}:${demoPort}`;
const pilots = loadPilots(resolve(appDir, 'pilots'), demoUrl ? { demoHostOrigin: demoUrl } : {});
const issuer = await createIssuer(config, { profileSource: profileFromLogSource, pilots });
const app = await buildApp({ config, issuer, appDir, pilots, logger: { level: process.env.LOG_LEVEL ?? 'info' } });
app.addHook('onClose', async () => issuer.close());
await app.listen({ port, host });
const demoHost = demoPort === null ? null : await buildDemoHost({ appDir, talentscanOrigin: url, audience: config.publicUrl });
await demoHost?.listen({ port: demoPort ?? 0, host });

console.log(`Talentscan is running at ${url}/`);
console.log(`  candidate scan  ${url}/`);
console.log(`  coach workspace ${url}/coach`);
console.log(`  verify          ${url}/verify`);
console.log(`  embed (pilots)  ${url}/embed?pilot=<id>  — pilots: ${[...pilots.keys()].join(', ') || 'none'}`);
if (demoUrl) {
  console.log(`Demo pilot host  ${demoUrl}/  (another origin that embeds the scan with ${url}/embed.js)`);
  console.log(`  start tokens    ${demoUrl}/start-token, keys at ${demoUrl}/.well-known/jwks.json (a new ES256 key each start)`);
}
console.log(`Credential issuer ${config.publicUrl}  (OpenID4VCI metadata: ${config.publicUrl}/.well-known/openid-credential-issuer)`);
console.log(`  issuer DID      ${issuer.identity.did}`);
console.log(`  signing key     ${issuer.identity.kid.replace(/^did:jwk:[^#]+/, 'did:jwk:…')} (ES256, ${describeKey(issuer.identity.source)})`);
console.log(`  issuer state    ${config.dataDir}`);
if (!config.publicUrl.startsWith('https://'))
  console.log('  development mode: http and did:jwk; set ISSUER_URL=https://… (did:web) and ISSUER_KEY_FILE for production');

function describeKey(source: string): string {
  return source === 'generated'
    ? `new development key in ${config.dataDir}`
    : source === 'data-folder'
      ? `development key from ${config.dataDir}`
      : `from ${source === 'file' ? 'ISSUER_KEY_FILE' : 'ISSUER_KEY'}`;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void Promise.all([app.close(), demoHost?.close()]).then(() => process.exit(0));
  });
}
