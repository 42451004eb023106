// `npm run dev`: the API server (restarting on change) and the Vite dev server (proxying /api and
// /sync to it) side by side.
import { spawn } from 'node:child_process';

const api = spawn('npx', ['tsx', 'watch', 'server/index.ts'], { stdio: 'inherit', env: { ...process.env, PORT: process.env.API_PORT ?? '3000' } });
const web = spawn('npx', ['vite'], { stdio: 'inherit' });
for (const child of [api, web]) child.on('exit', (code) => process.exit(code ?? 0));
process.on('SIGINT', () => {
  api.kill();
  web.kill();
});
