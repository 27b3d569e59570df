// The package as another project gets it: `npm pack`, install the tarball into an empty
// project, resolve `pex-plugin-host` through package.json "exports", and type-check a client
// file against the shipped declarations. Fails (exit 1) on any step, saying which.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve('.');
const work = mkdtempSync(join(tmpdir(), 'pex-package-'));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

try {
  const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], root));
  const shipped = packed.files.map((f) => f.path);
  const needs = [
    'dist/pex-plugin-host.js',
    'dist/pex-plugin-host.js.map',
    // The npm entry, unbundled: one defining module per element, declarations beside.
    'dist/esm/components/index.js',
    'dist/esm/components/index.d.ts',
    'dist/esm/components/toolbar.js',
    'dist/esm/components/toolbar/toolbar.js',
    'custom-elements.json',
    'package.json',
    // The author tools: the command, its playground, the testing kit and the PEX declarations.
    'dist/cli/pex-plugins.js',
    'dist/playground/index.html',
    'dist/testing/index.js',
    'dist/testing/server.js',
    'plugin-api/index.d.ts',
    // The React wrappers.
    'dist/react/index.js',
    'dist/esm/react/index.d.ts',
    // Editor data and the Vue declarations.
    'vue/index.d.ts',
    'dist/editor/web-types.json',
    'dist/editor/vscode.html-custom-data.json',
    'dist/editor/vscode.css-custom-data.json',
  ];
  for (const needed of needs) {
    if (!shipped.includes(needed)) throw new Error(`the package lacks ${needed}`);
  }
  if (!shipped.some((f) => /^dist\/infinity-[\w-]+\.js$/.test(f))) throw new Error('the package lacks the Infinity connection chunk');
  if (!shipped.some((f) => /^dist\/json-problem-[\w-]+\.js$/.test(f))) throw new Error('the package lacks the chunk that explains broken JSON');
  if (!shipped.some((f) => /^dist\/problem-texts-[\w-]+\.js$/.test(f))) throw new Error('the package lacks the chunk with the words for rare problems');

  const app = join(work, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'client-app', private: true, type: 'module' }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)], app);
  // @lit/react is bundled into dist/react/: installing the package must not bring it (nor its peer @types/react).
  for (const unwanted of ['@lit/react', '@types/react']) {
    if (existsSync(join(app, 'node_modules', unwanted))) throw new Error(`installing the package installed ${unwanted}`);
  }
  // The React entry's types, as a React 19 app has them.
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '@types/react@19'], app);

  const resolved = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('pex-plugin-host'))"], app).trim();
  if (!resolved.endsWith('/node_modules/pex-plugin-host/dist/esm/components/index.js')) throw new Error(`pex-plugin-host resolves to ${resolved}`);
  const resolvedReact = run(process.execPath, ['--input-type=module', '-e', "console.log(import.meta.resolve('pex-plugin-host/react'))"], app).trim();
  if (!resolvedReact.endsWith('/node_modules/pex-plugin-host/dist/react/index.js')) throw new Error(`pex-plugin-host/react resolves to ${resolvedReact}`);
  const manifest = JSON.parse(readFileSync(join(app, 'node_modules/pex-plugin-host/custom-elements.json'), 'utf8'));
  const tags = manifest.modules.flatMap((m) => (m.declarations ?? []).map((d) => d.tagName)).filter(Boolean).sort();
  const expected = ['pex-conference-menu', 'pex-participant-menu', 'pex-plugin-host', 'pex-plugin-settings', 'pex-template-dialog', 'pex-toasts', 'pex-toolbar'];
  if (JSON.stringify(tags) !== JSON.stringify(expected)) throw new Error(`custom-elements.json lists ${tags.join(', ')}`);

  writeFileSync(
    join(app, 'client.ts'),
    `import { connectInfinity, PexPluginHost, type Participant, type PexEventDetails } from 'pex-plugin-host';
import type { PexToasts } from 'pex-plugin-host/toasts.js';
const host: PexPluginHost = document.createElement('pex-plugin-host');
const people: Participant[] = [];
host.participants = people;
host.addEventListener('pex-command', (event) => {
  const detail: PexEventDetails['pex-command'] = event.detail;
  if (detail.name === 'dialOut') detail.resolve([detail.args.alias]);
});
document.createElement('pex-participant-menu').participant = people[0];
// <pex-toasts>: its own module (not the entry's); its toasts are typed without @pexip/plugin-api.
void import('pex-plugin-host/toasts.js').then(() => {
  const toasts: PexToasts = document.createElement('pex-toasts');
  toasts.defaultTimeout = 8000;
  toasts.show({ message: 'Recording started', position: 'bottomCenter', canDismiss: true });
});
export const join = () => connectInfinity({ node: 'https://node.example', alias: 'meet', displayName: 'Ann' });
`,
  );
  writeFileSync(
    join(app, 'react-client.tsx'),
    `import { PexParticipantMenu, PexPluginHost, PexToasts, PexToolbar } from 'pex-plugin-host/react';
import type { Participant } from 'pex-plugin-host';
export const Client = ({ people }: { people: readonly Participant[] }) => (
  <PexPluginHost participants={people} conference={{ locked: true }} participantRole="chair"
    onPexCommand={(event) => { if (event.detail.name === 'dialOut') event.detail.resolve([event.detail.args.alias]); }}
    onPexPluginError={(event) => console.warn(event.detail.id, event.detail.phase)}>
    <PexToolbar label="Plugins" />
    <PexParticipantMenu participant={people[0]} />
    <PexToasts defaultTimeout={8000} />
  </PexPluginHost>
);
`,
  );
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx', strict: true, noEmit: true, skipLibCheck: false, lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] }, files: ['client.ts', 'react-client.tsx'] }),
  );
  run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], app);
  console.log(`package check: ${packed.filename} installs, resolves to dist/esm/components/index.js, lists ${tags.length} elements, and types a client file and a React 19 client file against pex-plugin-host/react`);
} catch (error) {
  console.error(`package check failed: ${error.message}\n${error.stdout ?? ''}${error.stderr ?? ''}`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
