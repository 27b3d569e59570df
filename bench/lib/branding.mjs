/**
 * Generated webapp2 branding folders for the benchmarks: manifest.json, settings.json and,
 * per plugin, plugins/<id>/<id>.plugin.package.json, plugins/<id>/<id>.plugin.js and any other files
 * it carries (an icon.svg).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/** A temporary folder, removed by the returned `remove()`. */
export async function tempFolder(prefix = 'pex-bench-') {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * @param {string} dir the branding folder to write
 * @param {Array<{ id: string, name: string, source: string, menuItems?: Record<string, unknown[]>, files?: Record<string, string> }>} plugins
 *   files: more files in the plugin's folder (its icons), by name.
 * @param {{ brandingID?: string }} [options]
 */
export async function writeBrandingFolder(dir, plugins, { brandingID = '1700000000999' } = {}) {
  await mkdir(dir, { recursive: true });
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  await writeFile(
    path.join(dir, 'manifest.json'),
    json({ brandingID, isSettingsBranded: true, isWatermarkBranded: false, isStylesBranded: false }),
  );
  await writeFile(
    path.join(dir, 'settings.json'),
    json({ plugins: plugins.map((p) => ({ id: p.id, srcURL: `plugins/${p.id}/${p.id}.plugin.package.json`, enabled: true })) }),
  );
  for (const plugin of plugins) {
    const folder = path.join(dir, 'plugins', plugin.id);
    await mkdir(folder, { recursive: true });
    await writeFile(
      path.join(folder, `${plugin.id}.plugin.package.json`),
      json({
        id: plugin.id,
        name: plugin.name,
        description: `${plugin.name}, generated for the benchmarks`,
        version: 1.0,
        srcURL: `${plugin.id}.plugin.js`,
        allowUnload: true,
        platforms: ['web', 'electron', 'ios', 'android'],
        participantRoles: ['chair', 'guest'],
        menuItems: plugin.menuItems ?? {},
      }),
    );
    await writeFile(path.join(folder, `${plugin.id}.plugin.js`), plugin.source);
    for (const [name, text] of Object.entries(plugin.files ?? {})) await writeFile(path.join(folder, name), text);
  }
}

/** Two digits: plugin ids sort in settings order. */
export const pad = (n) => String(n).padStart(2, '0');
