import { expect } from '@open-wc/testing';
import { SettledOnce } from '../src/runtime/settled-once.js';

/** What a subscriber heard, in order. */
function listen<T>(settled: SettledOnce<T>, heard: string[], name: string) {
  return settled.observable.subscribe({
    next: (value) => heard.push(`${name} next ${String(value)}`),
    error: (error: unknown) => heard.push(`${name} error ${(error as Error).message}`),
    complete: () => heard.push(`${name} complete`),
  });
}

/**
 * The one-value streams of a plugin's dialog (its opening, close$, viewInit$): the semantics
 * of a ReplaySubject(1) that completes right after its value, which they replaced.
 */
describe('SettledOnce', () => {
  it('tells subscribers from before when the value comes, in order, and one from after at once', () => {
    const settled = new SettledOnce<number>();
    const heard: string[] = [];
    listen(settled, heard, 'a');
    listen(settled, heard, 'b');
    expect(heard).to.deep.equal([]);
    settled.resolve(7);
    expect(heard).to.deep.equal(['a next 7', 'a complete', 'b next 7', 'b complete']);
    listen(settled, heard, 'c');
    expect(heard.slice(4)).to.deep.equal(['c next 7', 'c complete']);
  });

  it('counts only the first outcome', () => {
    const settled = new SettledOnce<number>();
    const heard: string[] = [];
    listen(settled, heard, 'a');
    settled.resolve(1);
    settled.resolve(2);
    settled.reject(new Error('late'));
    listen(settled, heard, 'b');
    expect(heard).to.deep.equal(['a next 1', 'a complete', 'b next 1', 'b complete']);
  });

  it('gives an error to subscribers from before and after', () => {
    const settled = new SettledOnce<number>();
    const heard: string[] = [];
    listen(settled, heard, 'a');
    settled.reject(new Error('no'));
    listen(settled, heard, 'b');
    settled.resolve(3);
    expect(heard).to.deep.equal(['a error no', 'b error no']);
  });
});
