// PLACEHOLDER: replaced by the real command.
export async function devCommand(_args: string[]): Promise<number> {
  console.error('pex-plugins dev: not built yet');
  return 2;
}
