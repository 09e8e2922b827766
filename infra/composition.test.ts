import { composeSupergraph, readSupergraph } from './composition';

describe('supergraph.graphql', () => {
  it('composes from the four subgraph schemas without errors and matches the checked-in file (run npm run compose if not)', () => {
    expect(readSupergraph()).toBe(composeSupergraph());
  });
});
