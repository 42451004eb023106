import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import type { BenchResult } from './bench';
import { formatCpuList } from './cpuSplit';
import type { LoadResult } from './load';
import { LATER_SLICE_WARMUP_SECONDS } from './slices';
import { round } from './stats';

/** Goals of issue 7, as ratios from the same run. */
export interface Goals {
  p99VsRelay10: number | null;
  p99VsHocuspocus10: number | null;
  p99VsRelay50: number | null;
  missing50: number | null;
  rss50Mb: number | null;
  checks: { goal: string; met: boolean | null; value: string }[];
}

function find(r: BenchResult, server: string, rooms: number): LoadResult | undefined {
  return r.loads.find((l) => l.server === server && l.rooms === rooms && l.clients === 20);
}

export function goals(r: BenchResult): Goals {
  // A p99 over deliveries that partly never arrived flatters the server: such a ratio cannot meet a goal.
  const ratio = (a?: LoadResult, b?: LoadResult) =>
    a && b ? (a.missing > 0 ? Number.POSITIVE_INFINITY : a.latency.p99 / b.latency.p99) : null;
  const o10 = find(r, 'ours', 10);
  const o50 = find(r, 'ours', 50);
  const g: Goals = {
    p99VsRelay10: ratio(o10, find(r, 'relay', 10)),
    p99VsHocuspocus10: ratio(o10, find(r, 'hocuspocus', 10)),
    p99VsRelay50: ratio(o50, find(r, 'relay', 50)),
    missing50: o50 ? o50.missing : null,
    rss50Mb: o50 ? o50.serverPeakRssMb : null,
    checks: [],
  };
  const check = (
    goal: string,
    value: number | null,
    ok: (v: number) => boolean,
    fmt: (v: number) => string,
  ) =>
    g.checks.push({
      goal,
      met: value === null ? null : ok(value),
      value: value === null ? 'not run' : fmt(value),
    });
  const x = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'deliveries missing');
  check('10×20: our p99 ≤ 1.0 × relay', g.p99VsRelay10, (v) => v <= 1.0, x);
  check('10×20: our p99 < Hocuspocus', g.p99VsHocuspocus10, (v) => v < 1.0, x);
  check('50×20: no deliveries missing (ours)', g.missing50, (v) => v === 0, String);
  check('50×20: our p99 ≤ 1.2 × relay', g.p99VsRelay50, (v) => v <= 1.2, x);
  check(
    '50×20: our server RSS < 300 MB',
    g.rss50Mb,
    (v) => v < 300,
    (v) => `${v.toFixed(0)} MB`,
  );
  const d = r.dayLong;
  check(
    'day-long workshop loads < 10 ms',
    d ? d.warmLoadMedianMs : null,
    (v) => v < 10,
    (v) => `${v.toFixed(1)} ms`,
  );
  check(
    'first-screen JS ≤ 200 KB gzipped',
    r.bundle ? r.bundle.jsGzipBytes / 1024 : null,
    (v) => v <= 200,
    (v) => `${v.toFixed(0)} KB`,
  );
  return g;
}

export function machine(): string {
  let model = cpus()[0]?.model ?? 'unknown CPU';
  try {
    model = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? model;
  } catch {}
  let nproc = String(availableParallelism());
  try {
    nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {}
  return `nproc ${nproc}, ${model}, Node ${process.version}, ${process.platform}`;
}

const n = (v: number, d = 1) => (Number.isFinite(v) ? v.toFixed(d) : '—');

export function markdown(r: BenchResult): string {
  const lines: string[] = [];
  const o = r.options;
  lines.push(
    `Run ${r.startedAt} (${o.mode}, ${r.seconds.toFixed(0)} s): ${machine()}.`,
    `Load average (1/5/15 min) before ${r.loadAverage.before.map((v) => v.toFixed(1)).join(' / ')}, ` +
      `after ${r.loadAverage.after.map((v) => v.toFixed(1)).join(' / ')}` +
      (r.loadAverage.before[0]! > 1.5 ? ' — **the machine was busy: treat latencies as noisy**.' : '.'),
    `${o.rate} edits/s per client, ${o.warmupSeconds} s warm-up, ${o.windowSeconds} s measured per server` +
      (o.slices > 1
        ? ` in ${o.slices} slices, the servers taking turns (later slices warm up ${Math.min(o.warmupSeconds, LATER_SLICE_WARMUP_SECONDS)} s)`
        : '') +
      `, ${o.drainSeconds} s drain; ${o.workers} generator threads, ${o.decodePerRoom} decoding clients per room.`,
    r.cpus.split
      ? `CPUs split (taskset): load generator on ${formatCpuList(r.cpus.split.generator)}, ` +
          `each server on ${formatCpuList(r.cpus.split.servers)}.`
      : `CPUs shared by generator and servers (${r.cpus.why}).` +
        (o.generatorNice > 0 ? ` Generator threads at nice ${o.generatorNice} (--nice).` : ''),
    '',
    '| load | server | p50 ms | p95 ms | p99 ms | max ms | delivered | missing | server CPU % | RSS MB (peak) | generator CPU % |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const l of r.loads) {
    lines.push(
      `| ${l.rooms}×${l.clients} | ${l.server} | ${n(l.latency.p50)} | ${n(l.latency.p95)} | ${n(l.latency.p99)} | ` +
        `${n(l.latency.max)} | ${l.delivered} | ${l.missing} | ${n(l.serverCpuPct, 0)} | ` +
        `${n(l.serverRssMb, 0)} (${n(l.serverPeakRssMb, 0)}) | ${n(l.generatorCpuPct, 0)}${l.generatorFlag ? ' ⚠ > 70 %' : ''} |`,
    );
  }
  const problems = r.loads.filter((l) => l.unexpectedCloses.length || l.errors.length);
  for (const l of problems) {
    lines.push(
      '',
      `${l.server} ${l.rooms}×${l.clients}: ${[...l.unexpectedCloses, ...l.errors].slice(0, 5).join('; ')}`,
    );
  }
  if (r.dayLong) {
    const d = r.dayLong;
    lines.push(
      '',
      `Day-long workshop (${d.members} members, ${d.ratingChanges} rating changes, ${d.comments} comments, built through the server in ${n(d.buildSeconds)} s):`,
      '',
      '| measure | value |',
      '|---|---|',
      `| load through WorkshopGroup.load, warm process (median / min of 15, after 11 loads) | ${n(d.warmLoadMedianMs, 2)} / ${n(d.warmLoadMinMs, 2)} ms |`,
      `| same, loads 2–11 of a fresh process (median; the JIT still warming up) | ${n(d.earlyLoadMedianMs, 2)} ms |`,
      `| same, first load in a fresh process (the first after the day: it re-bases the doc, SYNC64) | ${n(d.firstLoadMs, 1)} ms |`,
      `| docs the load opened (member docs load lazily, SYNC60) | ${d.roomsAfterLoad} of ${d.roomsWithAllMembers} |`,
      `| then loading every member doc (a reveal or the first reaction pays it once; median of 15) | ${n(d.allMembersMedianMs, 2)} ms |`,
      `| restarted server: socket open → workshop doc synced | ${n(d.firstSyncOverWsMs, 1)} ms |`,
      `| stored (snapshots + log rows of the workshop's docs) | ${n(d.storedBytes / 1024)} KB in ${d.storedRows} rows |`,
      `| workshop doc state (V1) / gzipped, as the day left it | ${n(d.workshopDocBytes / 1024)} KB / ${n(d.workshopDocGzipBytes / 1024)} KB (${d.workshopDocTombstones} tombstones, ${d.workshopDocLiveItems} live items) |`,
      `| same after the first load re-based it; stored | ${n(d.rebased.workshopDocBytes / 1024)} KB / ${n(d.rebased.workshopDocGzipBytes / 1024)} KB (${d.rebased.workshopDocTombstones} tombstones); ${n(d.rebased.storedBytes / 1024)} KB |`,
      `| database file after close | ${n(d.databaseFileBytes / 1024)} KB |`,
      `| bytes written by the server per accepted edit (wchar) | ${n(d.bytesWrittenPerEdit, 0)} B |`,
      `| heap per loaded idle workshop (20 held, after GC; no member docs) | ${n(d.heapPerWorkshopBytes / 1024)} KB |`,
      `| server RSS growth when it is opened (1 viewer) | ${n(d.rssGrowthOnOpenBytes / 2 ** 20)} MB |`,
    );
  }
  if (r.bundle) {
    const b = r.bundle;
    lines.push(
      '',
      `First screen: ${b.files.map((f) => `${f.file} ${n(f.gzipBytes / 1024)} KB`).join(', ')} — ` +
        `**${n(b.jsGzipBytes / 1024)} KB gzipped JS** (${n(b.jsBytes / 1024)} KB raw), CSS ${n(b.cssGzipBytes / 1024)} KB gzipped.`,
    );
  }
  const g = goals(r);
  lines.push('', '| goal | value | met |', '|---|---|---|');
  for (const c of g.checks)
    lines.push(`| ${c.goal} | ${c.value} | ${c.met === null ? '—' : c.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}

/** Replaces this mode's section of docs/benchmarks.md (between its markers), leaving the rest alone. */
export function writeDoc(file: string, mode: string, section: string): void {
  const start = `<!-- bench:${mode}:start -->`;
  const end = `<!-- bench:${mode}:end -->`;
  const body = `${start}\n${section}\n${end}`;
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text =
    a !== -1 && b > a
      ? text.slice(0, a) + body + text.slice(b + end.length)
      : `${text.trimEnd()}\n\n${body}\n`;
  writeFileSync(file, text);
}

/** The last line of the run: one JSON object (issue 7's format), from the 10×20 load. */
export function summaryJson(r: BenchResult): string {
  const pick = (server: string) => {
    const l =
      r.loads.find((x) => x.server === server && x.rooms === 10) ?? r.loads.find((x) => x.server === server);
    return l
      ? {
          p50: round(l.latency.p50),
          p95: round(l.latency.p95),
          p99: round(l.latency.p99),
          max: round(l.latency.max),
          missing: l.missing,
          cpu: round(l.serverCpuPct, 1),
          rssMb: round(l.serverRssMb, 1),
        }
      : null;
  };
  const first = r.loads.find((x) => x.rooms === 10) ?? r.loads[0];
  const ours = pick('ours');
  const relay = pick('relay');
  const hocuspocus = pick('hocuspocus');
  return JSON.stringify({
    load: first ? `${first.rooms}x${first.clients}@${r.options.rate}` : null,
    ours,
    relay,
    hocuspocus,
    p99_vs_relay: ours && relay ? round(ours.p99 / relay.p99, 3) : null,
    p99_vs_hocuspocus: ours && hocuspocus ? round(ours.p99 / hocuspocus.p99, 3) : null,
  });
}
