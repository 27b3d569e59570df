import { expect } from '@open-wc/testing';
import { openTemplateDialog } from '../src/api/dialog-bridge.js';

/**
 * What `openTemplateDialog` returns is an Observable of the dialog's ref and a promise of it
 * (src/api/dialog-bridge.ts, DialogOpening): an opening that fails must fail both ways, with the
 * same error, for subscribers from before and after.
 */
describe('a dialog opening that fails', () => {
  it('tells its subscribers the error, from before and after it failed, and its promise rejects with the same error', async () => {
    // Options that are not an object: refused, as webapp2 would have failed on them.
    const opening = openTemplateDialog(5 as never);
    const events: string[] = [];
    const early = new Promise<unknown>((resolve) =>
      opening.subscribe({ next: () => events.push('next'), error: (error: unknown) => resolve(error), complete: () => events.push('complete') }),
    );
    const rejected = opening.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    const [heard, rejection] = await Promise.all([early, rejected]);
    expect(heard).to.be.instanceOf(TypeError);
    expect((heard as Error).message).to.contain('openTemplateDialog');
    expect(rejection).to.equal(heard);
    const late = await new Promise<unknown>((resolve) => opening.subscribe({ error: (error: unknown) => resolve(error) }));
    expect(late).to.equal(heard);
    expect(events).to.deep.equal([]);
  });
});
