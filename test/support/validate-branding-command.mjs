import { execFile } from 'node:child_process';

/**
 * A test-runner command: runs the branding validator CLI (`dist/validate-branding.mjs`, built
 * by `npm run build`) on a folder, so browser tests can check a Node tool's real output.
 */
export function validateBrandingCommand() {
  return {
    name: 'validate-branding-command',
    executeCommand({ command, payload }) {
      if (command !== 'validate-branding') return undefined;
      return new Promise((resolve) => {
        execFile(process.execPath, ['dist/validate-branding.mjs', payload.folder], (error, stdout, stderr) => {
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
        });
      });
    },
  };
}
