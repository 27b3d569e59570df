#!/usr/bin/env node
/**
 * Runs the benchmarks and records their results:
 *
 *   node bench/run.mjs                 all six, in order (size builds dist/ first)
 *   node bench/run.mjs roster cycles   only these
 *   node bench/run.mjs size --skip-build
 *
 * Each writes bench/results/<name>.json; bench/RESULTS.md is rebuilt after each one.
 * Exit code 1 when a benchmark failed to run or missed its budget.
 */
import os from 'node:os';
import * as size from './size.mjs';
import * as startup from './startup.mjs';
import * as roster from './roster.mjs';
import * as cycles from './cycles.mjs';
import * as growth from './growth.mjs';
import * as webapp3 from './webapp3.mjs';
import { machineInfo, writeResult, writeResultsMarkdown } from './lib/results.mjs';

const BENCHMARKS = [size, startup, roster, growth, cycles, webapp3];

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length || flags.has('--help')) {
  console.error(`usage: node bench/run.mjs [${BENCHMARKS.map((b) => b.name).join('|')} ...] [--skip-build]`);
  process.exit(unknown.length ? 2 : 0);
}
const selected = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS;

let failed = false;
for (const benchmark of selected) {
  // The machine as it was before this benchmark loaded it (the load average says how busy it was).
  const machine = machineInfo();
  const started = Date.now();
  console.log(`\n== ${benchmark.name}: ${benchmark.title}`);
  try {
    const result = await benchmark.run({ skipBuild: flags.has('--skip-build'), log: (line) => console.log(`   ${line}`) });
    const seconds = Number(((Date.now() - started) / 1000).toFixed(1));
    const passed = result.pass ?? result.dropIn?.pass;
    await writeResult(benchmark.name, { ...result, machine: { ...machine, loadAverage1mAfter: Number(os.loadavg()[0].toFixed(2)) }, seconds });
    console.log(`   ${passed ? 'PASS' : 'FAIL'} (${seconds} s) -> bench/results/${benchmark.name}.json`);
    if (!passed) failed = true;
  } catch (error) {
    failed = true;
    console.error(`   ERROR: ${error instanceof Error ? error.stack : String(error)}`);
  }
  await writeResultsMarkdown(BENCHMARKS);
}
console.log('\nbench/RESULTS.md updated.');
process.exitCode = failed ? 1 : 0;
