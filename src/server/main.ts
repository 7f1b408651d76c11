/**
 * `npm start` / `npm run serve`: serves the built app on localhost.
 * The credential issuer joins this server with the credential issue; until then it serves the app alone.
 *
 * Environment: PORT (default 8080), HOST (default 127.0.0.1), APP_DIR (default dist).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { staticFiles } from './static-files.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '127.0.0.1';
const appDir = resolve(process.env.APP_DIR ?? 'dist');

if (!existsSync(resolve(appDir, 'index.html'))) {
  console.error(`No built app in ${appDir}. Run "npm run build" first (npm start does this for you).`);
  process.exit(1);
}

const serve = staticFiles(appDir);
const server = createServer((req, res) => {
  serve(req, res).catch((err: unknown) => {
    console.error(err);
    if (!res.headersSent) res.writeHead(500).end('Internal error');
  });
});

server.listen(port, host, () => {
  console.log(`Talentscan is running at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
  console.log(`  candidate scan  http://${host}:${port}/`);
  console.log(`  coach workspace http://${host}:${port}/coach`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
