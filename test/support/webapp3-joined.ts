import { connectInfinity, type InfinityConnection } from '../../src/conference/infinity/index.js';
import { mountHost, type MountedHost } from './host-fixture.js';

const connections: InfinityConnection[] = [];

afterEach(async () => {
  await Promise.all(connections.splice(0).map((connection) => connection.leave()));
});

/**
 * host-fixture's mountJoined with a register timeout a Web App 3 frame meets on a loaded machine
 * (its frame takes longer than a script): mountHost on `folder`, then joined to the simulator's
 * `alias` as `Plugin user` through the real Infinity connection; it leaves after the test.
 */
export async function joinedHost(folder: string, alias = 'meet'): Promise<MountedHost & { connection: InfinityConnection }> {
  const mounted = await mountHost(folder, { registerTimeout: 4000 });
  const connection = await connectInfinity({ node: location.origin, alias, displayName: 'Plugin user' });
  connections.push(connection);
  mounted.host.connection = connection;
  await mounted.host.updateComplete;
  return { ...mounted, connection };
}
