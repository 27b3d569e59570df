// The npm entry (package.json "exports" ., ./toolbar.js …): the sources compiled file by file
// into dist/esm/, with type declarations and source maps beside them. lit, rxjs and @lit/context
// stay bare imports, so an app that uses them too bundles one copy. The generated validators
// are JavaScript already, with a hand-kept .d.ts: copied as they are.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

rmSync('dist/esm', { recursive: true, force: true });
// The entries built beside it (React wrappers, testing kit) declare their types there too.
rmSync('dist/types', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.esm.json'], { stdio: 'inherit' });
for (const file of ['validators.generated.js', 'validators.generated.d.ts']) copyFileSync(`src/config/${file}`, `dist/esm/src/config/${file}`);
console.log('dist/esm written');
