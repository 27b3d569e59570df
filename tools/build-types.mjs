// Type declarations for the package: tsc writes dist/types from the TypeScript sources; the
// generated validators are JavaScript with a hand-kept .d.ts beside them, copied alongside.
import { execFileSync } from 'node:child_process';
import { copyFileSync, rmSync } from 'node:fs';

rmSync('dist/types', { recursive: true, force: true });
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
copyFileSync('src/config/validators.generated.d.ts', 'dist/types/src/config/validators.generated.d.ts');
console.log('dist/types written');
