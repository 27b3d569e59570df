/**
 * Which of a built file's functions ran, from V8's precise coverage (puppeteer's
 * `page.coverage` with the raw script coverage): the floor under what a lazy chunk can save.
 * Every function that never ran could in principle move to a chunk loaded later; what ran
 * could not. Bytes are the minified file's, each attributed to the source module its source
 * map names, and each part's text is compressed on its own with Node's zlib at level 9 (the
 * parts' sum is more than the whole: they share words; zlib's deflate gives a file about 0.3%
 * more than the gzip command's -9).
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { SourceMapConsumer } from 'source-map-js';

const gzip9 = (text) => gzipSync(text, { level: 9 }).length;

/** Starts collecting; call before the page loads the file (coverage of a function starts with its script). */
export function startFunctionCoverage(page) {
  return page.coverage.startJSCoverage({ resetOnNavigation: false, includeRawScriptCoverage: true });
}

/**
 * Stops collecting and reads the entry for the script whose URL ends with `urlEnd`:
 * `{ raw, ranRaw, notRunRaw, ranGzip9, notRunGzip9, wholeGzip9, modules }`, `modules` the
 * source modules with the most bytes that never ran (`top` of them).
 */
export async function stopFunctionCoverage(page, urlEnd, mapFile, { top = 15 } = {}) {
  const entries = await page.coverage.stopJSCoverage();
  const entry = entries.find((e) => e.url.endsWith(urlEnd));
  if (!entry) throw new Error(`coverage: no script ending with ${urlEnd} ran`);
  const text = entry.text;
  // A function's first range spans it whole, with its call count. A function inside one that
  // never ran was never compiled, so it is not listed: the outer one's range covers it.
  const notRun = new Uint8Array(text.length);
  for (const fn of entry.rawScriptCoverage.functions) {
    const whole = fn.ranges[0];
    if (whole.count === 0) notRun.fill(1, whole.startOffset, Math.min(whole.endOffset, text.length));
  }
  const sourceAt = await sourcesByOffset(text, mapFile);
  const modules = new Map();
  let ran = '';
  let never = '';
  for (let i = 0; i < text.length; i++) {
    const source = sourceAt[i];
    const counts = modules.get(source) ?? { raw: 0, notRun: 0 };
    counts.raw++;
    if (notRun[i]) {
      counts.notRun++;
      never += text[i];
    } else {
      ran += text[i];
    }
    modules.set(source, counts);
  }
  return {
    raw: text.length,
    ranRaw: ran.length,
    notRunRaw: never.length,
    wholeGzip9: gzip9(text),
    ranGzip9: gzip9(ran),
    notRunGzip9: gzip9(never),
    modules: [...modules.entries()]
      .map(([source, counts]) => ({ source, ...counts }))
      .sort((a, b) => b.notRun - a.notRun)
      .slice(0, top),
  };
}

/** The source module of each character of `text`, by the source map's mappings (the last one at or before it). */
async function sourcesByOffset(text, mapFile) {
  const consumer = new SourceMapConsumer(JSON.parse(await readFile(mapFile, 'utf8')));
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const marks = [];
  consumer.eachMapping((m) => {
    if (m.source) marks.push({ at: lineStarts[m.generatedLine - 1] + m.generatedColumn, source: m.source.replace(/^(\.\.\/)+/, '') });
  });
  marks.sort((a, b) => a.at - b.at);
  const sources = new Array(text.length);
  let current = '(no source)';
  let next = 0;
  for (let i = 0; i < text.length; i++) {
    while (next < marks.length && marks[next].at <= i) current = marks[next++].source;
    sources[i] = current;
  }
  return sources;
}
