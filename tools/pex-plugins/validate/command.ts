// PLACEHOLDER: replaced by the real command.
export async function validateCommand(_args: string[]): Promise<number> {
  console.error('pex-plugins validate: not built yet');
  return 2;
}
