/**
 * npm run bench            — full: 10×20 and 50×20 at 0.5 edits/s/client, 30 s per server in three
 *                            10 s slices the servers take in turn (6–7 minutes)
 * npm run bench -- --quick — 10×20, one 6 s window per server (under 90 s)
 * Options: --only ours,relay,hocuspocus  --no-storage  --no-bundle  --profile (our server with
 * --cpu-prof into tests/bench/.work/prof)  --no-doc (do not touch docs/benchmarks.md)
 *          --pin (generator and servers on CPUs of their own, cpuSplit.ts; by default they share all)
 *          --nice (the generator's threads at nice 10, so the servers win the CPU when both want it)
 *          --loads 50x20[,10x20] --window S --slices N (a custom run for investigation; never written to the doc)
 *          --baseline <commit or checkout> (adds our server as that commit built it, taking turns with
 *          the others: an A/B of a change in one run, within the spread an A/A run shows (docs/benchmarks.md
 *          item 31); custom, never written to the doc)
 * The last line printed is one JSON object (see report.ts summaryJson).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type BenchOptions, type Contender, PROFILES, runBench } from './bench';
import { markdown, summaryJson, writeDoc } from './report';
import { baselineCheckout } from './servers/baseline';
import { MAX_SLICES, WORK_DIR } from './servers/targets';

/** The generator's nice value under --nice: any unprivileged user may lower a thread's priority. */
const GENERATOR_NICE = 10;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    'no-storage': { type: 'boolean', default: false },
    'no-bundle': { type: 'boolean', default: false },
    'no-doc': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    // For investigations: the generator and the servers on CPUs of their own (cpuSplit.ts, item 24).
    pin: { type: 'boolean', default: false },
    // For investigations: the generator's threads at a lower priority than the servers (item 41).
    nice: { type: 'boolean', default: false },
    workers: { type: 'string', default: '2' },
    // For investigating one load: e.g. --loads 50x20 --window 15 (mode "custom", never written to the doc).
    loads: { type: 'string' },
    window: { type: 'string' },
    // Turns each server takes per load (slices.ts); the window is split between them.
    slices: { type: 'string' },
    // For A/B: our server as another commit built it runs too, as 'baseline' (servers/baseline.ts).
    baseline: { type: 'string' },
  },
});

mkdirSync(WORK_DIR, { recursive: true });
const base = values.quick ? 'quick' : 'full';
const custom =
  values.nice ||
  values.loads !== undefined ||
  values.window !== undefined ||
  values.slices !== undefined ||
  values.baseline !== undefined;
const mode = custom ? 'custom' : base;
const profile = PROFILES[base];
const loads = values.loads
  ? values.loads.split(',').map((s) => {
      const [rooms, clients] = s.split('x').map(Number);
      if (!rooms || !clients) throw new Error(`--loads: expected e.g. 10x20,50x20, got ${s}`);
      return { rooms, clients };
    })
  : [...profile.loads];
const servers = (values.only?.split(',') ?? ['relay', 'hocuspocus', 'ours']) as Contender[];
const baselineRoot =
  values.baseline === undefined
    ? undefined
    : baselineCheckout(values.baseline, path.resolve(WORK_DIR, '..', '..', '..'), WORK_DIR);
if (baselineRoot && !servers.includes('baseline')) servers.push('baseline');
const slices = values.slices ? Number(values.slices) : profile.slices;
if (!Number.isInteger(slices) || slices < 1 || slices > MAX_SLICES)
  throw new Error(`--slices: expected a whole number from 1 to ${MAX_SLICES}, got ${values.slices}`);
const options: BenchOptions = {
  mode,
  loads,
  servers,
  baselineRoot,
  rate: 0.5,
  warmupSeconds: profile.warmupSeconds,
  windowSeconds: values.window ? Number(values.window) : profile.windowSeconds,
  slices,
  drainSeconds: profile.drainSeconds,
  decodePerRoom: 2,
  workers: Number(values.workers),
  storage: !values['no-storage'],
  bundle: !values['no-bundle'],
  profile: values.profile,
  pin: values.pin,
  generatorNice: values.nice ? GENERATOR_NICE : 0,
  log: (line) => console.log(line),
};

const result = await runBench(options);
const section = markdown(result);
console.log(`\n${section}\n`);
if (!values['no-doc'] && mode !== 'custom') {
  const doc = path.resolve(WORK_DIR, '..', '..', '..', 'docs', 'benchmarks.md');
  writeDoc(doc, mode, section);
  console.log(`results written to ${path.relative(process.cwd(), doc)} (${mode} section)`);
}
console.log(summaryJson(result));
