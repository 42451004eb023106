// Builds the server into dist/server (`node dist/server/index.mjs` is what `npm start` runs).
//
// Why build at all: running the TypeScript sources through `--import tsx` costs a whole second V8
// isolate (Node runs module hooks on their own thread) — ~32 MB of RSS for as long as the server
// runs — and transpiles every file again at each start. esbuild is the transpiler tsx and vite
// already use; npm packages stay external (native modules, pdfkit's font files), and code
// splitting keeps a lazy `import()` lazy (the PDF renderer loads pdfkit only when asked: item 19 of
// docs/benchmarks.md).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { newestMtime } from './newestMtime.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Where a checkout's built server lives: `<root>/dist/server/index.mjs`. */
export function serverEntry(root = ROOT) {
  return path.join(root, 'dist/server/index.mjs');
}

/**
 * A few modules find files next to their source (migrations, the rubric text, a package to resolve)
 * through `import.meta.url`. In a bundle that would be the bundle's own URL, so each source file's
 * `import.meta.url` is rewritten to its original location, relative to the chunk it lands in (all
 * chunks are in the output directory): the built server keeps working when the checkout is moved.
 */
const sourceLocation = (outDir) => ({
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const relative = path.relative(outDir, args.path).split(path.sep).join('/');
      const original = `new URL(${JSON.stringify(relative)}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', original), loader: 'ts' };
    });
  },
});

/**
 * Bundles the Node program `entry` into `outDir` as `<name>.mjs` (+ chunks and source maps). Built
 * into a fresh directory and moved into place, so a reader never sees half a build.
 */
export async function bundleNodeProgram({ entry, outDir, name = 'index' }) {
  const staging = `${outDir}.building-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { [name]: entry },
    outdir: staging,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    plugins: [sourceLocation(outDir)],
  });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.renameSync(staging, outDir);
}

/** Builds `<root>/server/index.ts` (this checkout by default) into `<root>/dist/server`. */
export function buildServer(root = ROOT) {
  return bundleNodeProgram({
    entry: path.join(root, 'server/index.ts'),
    outDir: path.dirname(serverEntry(root)),
  });
}

/** True if the built server is missing or older than any of its sources (server/, shared/, rubric/). */
export function serverBuildIsStale(root = ROOT) {
  const entry = serverEntry(root);
  if (!fs.existsSync(entry)) return true;
  const built = fs.statSync(entry).mtimeMs;
  return ['server', 'shared', 'rubric'].some((dir) => newestMtime(path.join(root, dir)) > built);
}

// `node scripts/build-server.mjs [--if-stale]`
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--if-stale') && !serverBuildIsStale()) process.exit(0);
  console.log('Building the server…');
  await buildServer();
}
