/**
 * Summarises a V8 .cpuprofile (from --cpu-prof): self time per function and per file, top N.
 * Usage: tsx tests/bench/profileSummary.ts <file.cpuprofile> [N]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [N]');
const prof = JSON.parse(readFileSync(file, 'utf8')) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
for (const [i, id] of prof.samples.entries()) self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const fn = new Map<string, number>();
const files = new Map<string, number>();
for (const [id, us] of self) {
  const cf = byId.get(id)!.callFrame;
  const where = cf.url.replace(/^.*\/node_modules\//, 'nm:').replace(/^file:\/\/.*\/work\/main\//, '');
  const key = `${cf.functionName || '(anon)'} ${where}:${cf.lineNumber + 1}`;
  fn.set(key, (fn.get(key) ?? 0) + us);
  files.set(where || '(native)', (files.get(where || '(native)') ?? 0) + us);
}
const top = Number(topArg ?? 25);
function show(m: Map<string, number>): void {
  const rows = [...m].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, us] of rows) {
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
  }
}
console.log(`total ${(total / 1000).toFixed(0)} ms\n-- functions (self) --`);
show(fn);
console.log('-- files (self) --');
show(files);
