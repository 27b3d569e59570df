// PLACEHOLDER: replaced by the real command.
export async function newCommand(_args: string[]): Promise<number> {
  console.error('pex-plugins new: not built yet');
  return 2;
}
