/**
 * Heap snapshots through the DevTools protocol, summed by node type and constructor name, and
 * the difference of two: which kinds of objects grew.
 */

/** @param {import('puppeteer-core').CDPSession} cdp */
export async function heapSummary(cdp) {
  const chunks = [];
  const onChunk = (event) => chunks.push(event.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const summary = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = types[snapshot.nodes[i + typeAt]];
    // Strings are summed by type: their text is not a kind.
    const name = type.includes('string') ? '' : snapshot.strings[snapshot.nodes[i + nameAt]].slice(0, 70);
    const key = `${type}: ${name}`;
    const entry = summary.get(key) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += snapshot.nodes[i + sizeAt];
    summary.set(key, entry);
  }
  return summary;
}

/** What grew from `before` to `after`, largest first. */
export function heapGrowth(before, after, top = 10) {
  const rows = [];
  for (const [kind, now] of after) {
    const then = before.get(kind) ?? { count: 0, bytes: 0 };
    if (now.bytes !== then.bytes || now.count !== then.count) rows.push({ kind, count: now.count - then.count, bytes: now.bytes - then.bytes });
  }
  for (const [kind, then] of before) if (!after.has(kind)) rows.push({ kind, count: -then.count, bytes: -then.bytes });
  rows.sort((a, b) => b.bytes - a.bytes);
  const total = rows.reduce((sum, r) => sum + r.bytes, 0);
  // JS objects proper: what plugin or host code could be holding on to.
  const js = rows.filter((r) => /^(object|closure|array|regexp|hidden|number|bigint): /.test(r.kind) && !r.kind.includes('system /'));
  return { totalBytes: total, top: rows.slice(0, top), jsObjects: { bytes: js.reduce((s, r) => s + r.bytes, 0), top: js.slice(0, 5) } };
}
