import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './http/env';

/**
 * Serves the built client (dist/client) and falls back to index.html for client-side routes.
 * Hashed assets are immutable; index.html is never cached so a deploy takes effect at once.
 */
export function mountClient(app: Hono<AppEnv>, clientDir: string): void {
  const indexFile = path.join(clientDir, 'index.html');
  if (!fs.existsSync(indexFile)) {
    console.warn(`No built client at ${clientDir}: run \`npm run build\`. Serving the API only.`);
    return;
  }
  const root = path.relative(process.cwd(), clientDir) || '.';
  app.use(
    '/assets/*',
    serveStatic({
      root,
      onFound: (_p, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable');
      },
    }),
  );
  app.use('*', serveStatic({ root }));
  const html = fs.readFileSync(indexFile, 'utf8');
  app.get('*', (c) => {
    c.header('Cache-Control', 'no-cache');
    // Invite links carry a secret token in the path: never leak it to other sites in Referer.
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Content-Type-Options', 'nosniff');
    return c.html(html);
  });
}
