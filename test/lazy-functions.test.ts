import { expect } from '@open-wc/testing';
import { lazyFunctions } from '../src/api/lazy-functions.js';

type Echo = { echo(value: string): Promise<string> };

/**
 * Plugin API functions whose code is a chunk (src/api/lazy-functions.ts), when the chunk does
 * not load: the calls that waited fail with the reason, and the next call asks for it again.
 */
describe('lazily loaded API functions whose chunk does not load', () => {
  it('fails the calls that waited for it, and loads it again for the next call', async () => {
    let asked = 0;
    const functions = lazyFunctions<Echo>(['echo'], () => {
      asked += 1;
      return asked === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module: /dist/command-functions-x.js')) : Promise.resolve({ echo: async (value: string) => `echo ${value}` });
    });
    const outcomes = await Promise.allSettled([functions.echo('a'), functions.echo('b')]);
    expect(outcomes.map((o) => o.status)).to.deep.equal(['rejected', 'rejected']);
    expect(String((outcomes[0] as PromiseRejectedResult).reason)).to.contain('/dist/command-functions-x.js');
    expect(asked).to.equal(1);
    expect(await functions.echo('c')).to.equal('echo c');
    expect(asked).to.equal(2);
    // Loaded: later calls run at once, without asking again.
    expect(await functions.echo('d')).to.equal('echo d');
    expect(asked).to.equal(2);
  });
});
