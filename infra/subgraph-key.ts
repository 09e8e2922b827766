import { subgraphKey } from '../shared/caller';
import { config, usesDevelopmentSecret } from '../shared/config';

/**
 * `npm run subgraph:key -- <name>`: the key a unit's subgraph is given (its SUBGRAPH_KEY), derived
 * from this machine's GATEWAY_SECRET. With it the subgraph checks the gateway's calls; it cannot
 * sign calls to any other subgraph. Hand it over as any secret; a new GATEWAY_SECRET changes every key.
 */
const [name] = process.argv.slice(2);
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
  console.error('Usage: npm run subgraph:key -- <name>   (the name it is registered by in subgraphs/registry.json)');
  process.exit(1);
}
if (usesDevelopmentSecret('GATEWAY_SECRET')) console.error('GATEWAY_SECRET is the development one: this key is for development only.');
console.log(subgraphKey(config.gatewaySecret, name));
