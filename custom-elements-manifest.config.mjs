/** `cem analyze` reads the elements' JSDoc (@summary, @slot, @event, @csspart, @cssprop). */
export default {
  globs: ['components/**/*.ts'],
  exclude: ['components/**/*.styles.ts', 'components/index.ts', 'components/register.ts'],
  outdir: '.',
  litelement: true,
};
