import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebsocketProvider } from 'y-websocket';
import { memberDocName } from '../../shared/docNames';
import { waitFor } from '../helpers/waitFor';
import { connectProvider } from '../helpers/wsClient';

/**
 * Starts server/index.ts (through tsx) on port 0 and resolves with its URL from the listening line.
 * `node --import tsx` rather than `npx tsx`: signals must reach the server process itself, not a
 * wrapper that would leave it running.
 */
function spawnServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /LER Workshop listening on (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
}

async function post(url: string, pathname: string, body: unknown, cookie?: string) {
  const res = await fetch(`${url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${pathname}: ${res.status} ${JSON.stringify(json)}`);
  return { json, cookie: res.headers.get('set-cookie')?.split(';')[0] };
}

describe('durability across kill -9', () => {
  const children: ChildProcess[] = [];
  const providers: WebsocketProvider[] = [];
  let dataDir = '';
  afterEach(() => {
    for (const p of providers.splice(0)) p.destroy();
    for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('SYNC52 an edit another client has seen survives SIGKILL of the server and a restart', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ler-durability-'));
    const first = await spawnServer(dataDir);
    children.push(first.child);
    const signup = await post(first.url, '/api/auth/signup', {
      email: 'dur@example.edu',
      name: 'Dur Able',
      password: 'correct horse battery',
    });
    const cookie = signup.cookie!;
    const created = await post(first.url, '/api/workshops', { title: 'Durable', institution: 'Kill College' }, cookie);
    const docName = memberDocName(created.json.workshop.id, created.json.me.memberId);
    const wsUrl = (u: string) => u.replace('http:', 'ws:');

    const writer = connectProvider(wsUrl(first.url), docName, { cookie, origin: first.url });
    const reader = connectProvider(wsUrl(first.url), docName, { cookie, origin: first.url });
    providers.push(writer, reader);
    await waitFor(() => writer.synced && reader.synced);
    writer.doc.getMap('drafts').set('note', 'must survive');
    // The server relays only what is durable: the moment the reader sees it, kill -9.
    await waitFor(() => reader.doc.getMap('drafts').get('note') === 'must survive', { intervalMs: 1 });
    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    for (const p of providers.splice(0)) p.destroy();

    const second = await spawnServer(dataDir);
    children.push(second.child);
    const after = connectProvider(wsUrl(second.url), docName, { cookie, origin: second.url });
    providers.push(after);
    await waitFor(() => after.synced);
    expect(after.doc.getMap('drafts').get('note')).toBe('must survive');
  });

  it('SYNC53 SIGTERM flushes and closes sockets with 1001', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ler-sigterm-'));
    const server = await spawnServer(dataDir);
    children.push(server.child);
    const signup = await post(server.url, '/api/auth/signup', { email: 't@example.edu', name: 'T', password: 'correct horse battery' });
    const created = await post(server.url, '/api/workshops', { title: 'T', institution: 'T College' }, signup.cookie);
    const docName = memberDocName(created.json.workshop.id, created.json.me.memberId);
    const p = connectProvider(server.url.replace('http:', 'ws:'), docName, { cookie: signup.cookie, origin: server.url });
    providers.push(p);
    const codes: number[] = [];
    p.on('connection-close', (event: { code: number } | null) => {
      if (event) codes.push(event.code);
    });
    await waitFor(() => p.synced);
    p.shouldConnect = false;
    server.child.kill('SIGTERM');
    const exitCode = await new Promise((r) => server.child.once('exit', r));
    expect(exitCode).toBe(0);
    await waitFor(() => codes.length > 0);
    expect(codes[0]).toBe(1001);
  });
});
