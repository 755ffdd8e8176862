/**
 * `npx tsx bench/profile.ts [chip-advice|baseline] [requests]`: runs the app with `--cpu-prof`
 * under slash commands at 50 concurrent connections, then prints where its CPU time went (self
 * time by function, and by package). The profile itself is left in a temporary directory.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../testkit/project.js';
import { BenchApi } from './fake-api.js';
import { type AppKind, startApp, stopAll } from './processes.js';
import { runCommands } from './slack-round-trip.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const kind = (process.argv[2] ?? 'chip-advice') as AppKind;
const requests = Number(process.argv[3] ?? 10_000);
const dir = await mkdtemp(path.join(os.tmpdir(), 'chip-advice-profile-'));

function where(url: string): string {
  const file = url.replace(/^file:\/\//, '');
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1];
  if (pkg) return pkg;
  if (file.startsWith(ROOT)) return path.relative(ROOT, file).split('/').slice(0, 2).join('/');
  return file === '' ? '(native)' : 'node:internal';
}

const WARMUP = 500;

/** The biggest entries: share of busy time, and microseconds per command. */
function top(totals: Map<string, number>, all: number, count: number): string[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => {
      const share = `${((us / all) * 100).toFixed(1)}%`.padStart(6);
      const perCommand = `${(us / (requests + WARMUP)).toFixed(1)} µs`.padStart(10);
      return `${share} ${perCommand}  ${name}`;
    });
}

const api = await BenchApi.start();
try {
  const app = await startApp(kind, api.url, { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`] });
  await runCommands(app, api, 10, WARMUP);
  const run = await runCommands(app, api, 50, requests);
  console.log(`${kind}: ${requests} commands, ack p50 ${run.ack.median.toFixed(2)} ms`);
  await app.stop();
} finally {
  await stopAll();
  await api.close();
}
const [file] = (await readdir(dir)).filter((name) => name.endsWith('.cpuprofile'));
if (!file) throw new Error('no profile written');
const profile = JSON.parse(await readFile(path.join(dir, file), 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let all = 0;
profile.samples.forEach((id, i) => {
  const frame = byId.get(id)?.callFrame;
  const us = profile.timeDeltas[i] ?? 0;
  if (!frame || frame.functionName === '(idle)') return;
  all += us;
  const name = `${frame.functionName || '(anonymous)'} ${where(frame.url)}:${frame.lineNumber + 1}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + us);
  byPackage.set(where(frame.url), (byPackage.get(where(frame.url)) ?? 0) + us);
});
console.log(`profile: ${path.join(dir, file)}`);
const perCommand = (all / (requests + WARMUP)).toFixed(0);
console.log(
  `busy ${(all / 1000).toFixed(0)} ms, ${perCommand} µs per command; self time by package:`,
);
console.log(top(byPackage, all, 15).join('\n'));
console.log('self time by function:');
console.log(top(byFunction, all, 30).join('\n'));
