/**
 * Recorded results: bench/results/<name>.json per benchmark, and bench/RESULTS.md with a
 * table per benchmark, rebuilt from every results file there is.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { CHROME_PATH } from './browser.mjs';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../results/', import.meta.url));
export const REPO_DIR = fileURLToPath(new URL('../../', import.meta.url));

let chromiumVersion;
function chromium() {
  if (chromiumVersion === undefined) {
    try {
      chromiumVersion = execFileSync(CHROME_PATH, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      chromiumVersion = 'unknown';
    }
  }
  return chromiumVersion;
}

/**
 * The commit measured: HEAD, marked when the tree had changes to tracked files (the results
 * files themselves aside), since then the numbers are of no commit at all.
 */
function measuredCommit() {
  try {
    const git = (...args) => execFileSync('git', args, { cwd: REPO_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short=12', 'HEAD');
    const changed = git('status', '--porcelain', '--untracked-files=no')
      .split('\n')
      .filter((line) => line && !/ bench\/(RESULTS\.md|results\/)/.test(line) && !line.endsWith(' custom-elements.json'));
    return changed.length ? `${head} with uncommitted changes` : head;
  } catch {
    return 'unknown';
  }
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: chromium(),
    // This machine may be shared: the 1-minute load average (before the benchmark, in run.mjs).
    loadAverage1m: Number(os.loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
    commit: measuredCommit(),
  };
}

/** Writes bench/results/<name>.json and returns the record written (`result.machine` wins over the current one). */
export async function writeResult(name, result) {
  const record = { benchmark: name, machine: machineInfo(), ...result };
  await mkdir(RESULTS_DIR, { recursive: true });
  await writeFile(new URL(`${name}.json`, `file://${RESULTS_DIR}`), `${JSON.stringify(record, null, 2)}\n`);
  return record;
}

export async function readResult(name) {
  try {
    return JSON.parse(await readFile(new URL(`${name}.json`, `file://${RESULTS_DIR}`), 'utf8'));
  } catch {
    return undefined;
  }
}

/** A markdown table. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map((c) => String(c ?? '').replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export const verdict = (pass) => (pass ? '**pass**' : '**FAIL**');

export function machineLine(machine) {
  if (!machine) return '';
  const load =
    machine.loadAverage1m === undefined
      ? ''
      : ` · 1-min load average ${machine.loadAverage1m} before${machine.loadAverage1mAfter === undefined ? '' : `, ${machine.loadAverage1mAfter} after`}`;
  const commit = machine.commit ? `commit ${machine.commit} · ` : '';
  return `_${commit}${machine.date} · ${machine.cores} cores (${machine.cpu}) · ${machine.chromium} · Node ${machine.node}${load}_`;
}

/**
 * Rebuilds bench/RESULTS.md from the results files of the given benchmarks (in order).
 * @param {Array<{ name: string, title: string, markdown(result: any): string }>} benchmarks
 */
export async function writeResultsMarkdown(benchmarks) {
  const parts = [
    '# Benchmark results',
    '',
    'Recorded by `node bench/run.mjs` (see bench/README.md); each section is rebuilt from',
    '`bench/results/<name>.json` when that benchmark runs. The budgets are the ones in DESIGN.md.',
    '',
  ];
  for (const benchmark of benchmarks) {
    const result = await readResult(benchmark.name);
    parts.push(`## ${benchmark.title}`, '');
    if (!result) {
      parts.push('_Not run yet._', '');
      continue;
    }
    let text;
    try {
      text = benchmark.markdown(result).trim();
    } catch {
      // A results file recorded by an older version of the benchmark, in another shape.
      text = `_The recorded result (${result.machine?.date ?? 'undated'}) is in an older shape than this benchmark writes: run \`node bench/run.mjs ${benchmark.name}\` again._`;
    }
    parts.push(machineLine(result.machine), '', text, '');
  }
  await writeFile(new URL('RESULTS.md', `file://${BENCH_DIR}`), parts.join('\n'));
}
