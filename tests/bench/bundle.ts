import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { WORK_DIR } from './servers/targets';

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

export interface BundleResult {
  /** JS files the first screen loads: the entry chunk and its static imports, transitively. */
  files: { file: string; bytes: number; gzipBytes: number }[];
  jsBytes: number;
  jsGzipBytes: number;
  cssGzipBytes: number;
  buildSeconds: number;
}

/**
 * `vite build` of the client into the bench's scratch folder (not dist/client, which a running
 * server or another test may be serving), with a manifest so the first screen's JavaScript is
 * read from the build graph — the entry plus its static imports; lazy routes are excluded
 * because the browser does not fetch them for the first screen.
 */
export async function firstScreenBundle(): Promise<BundleResult> {
  const outDir = path.join(WORK_DIR, 'client-dist');
  const started = performance.now();
  const root = path.resolve(WORK_DIR, '..', '..', '..');
  await promisify(execFile)(
    process.execPath,
    [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--manifest',
    ],
    { cwd: root, timeout: 300_000, maxBuffer: 16 * 2 ** 20 },
  );
  const buildSeconds = (performance.now() - started) / 1000;
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const seen = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key]!;
    for (const c of chunk.css ?? []) css.add(c);
    for (const imp of chunk.imports ?? []) visit(imp);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const files = [...seen].map((key) => {
    const file = manifest[key]!.file;
    const bytes = readFileSync(path.join(outDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  });
  let cssGzipBytes = 0;
  for (const c of css) cssGzipBytes += gzipSync(readFileSync(path.join(outDir, c)), { level: 9 }).length;
  return {
    files,
    jsBytes: files.reduce((s, f) => s + f.bytes, 0),
    jsGzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0),
    cssGzipBytes,
    buildSeconds,
  };
}
