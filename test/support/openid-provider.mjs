// A real OpenID provider (oidc-provider from npm) for the tests, run as a child process because
// oidc-provider is an ES module that Jest's module system cannot load. It signs RS256 access
// tokens for the gateway's audience through the authorization code flow with PKCE; the login
// screen is replaced by signing in the account named in `login_hint`.
// argv[2]: JSON { audience, accounts: { <accountId>: { role, unit?, official_id?, citizen_id?, tax_code?, variants? } } }
// `login_hint` is an account id, or `<account id>~<variant>` to sign the same person in with a variant's claims
// (a citizen signing in for the company they direct, say): the subject stays the account id.
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { audience, accounts } = JSON.parse(process.argv[2]);
export const CLIENT = { client_id: 'portal', client_secret: 'portal-secret-for-tests', redirect_uris: ['http://127.0.0.1/callback'] };

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig', kid: randomUUID() };

const server = createServer();
/** The variant each sign-in asked for, by its grant. */
const variantByGrant = new Map();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [{ ...CLIENT, grant_types: ['authorization_code'], response_types: ['code'] }],
  jwks: { keys: [jwk] },
  cookies: { keys: [randomUUID()] },
  findAccount: (_ctx, id) => (accounts[id] ? { accountId: id, claims: () => ({ sub: id }) } : undefined),
  features: {
    devInteractions: { enabled: false },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => audience,
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({ scope: 'api', audience, accessTokenFormat: 'jwt', accessTokenTTL: 3600, jwt: { sign: { alg: 'RS256' } } }),
    },
  },
  // The account's role, unit and ids ride in the access token, as a province's provider maps them from its directory.
  extraTokenClaims: (_ctx, token) => {
    const account = token.accountId && accounts[token.accountId];
    if (!account) return undefined;
    const { variants = {}, ...claims } = account;
    return { ...claims, ...(variants[variantByGrant.get(token.grantId)] ?? {}) };
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
});

server.on('request', async (req, res) => {
  if (!req.url.startsWith('/interaction/')) return provider.callback()(req, res);
  try {
    const details = await provider.interactionDetails(req, res);
    const [accountId, variant] = details.params.login_hint.split('~');
    if (details.prompt.name === 'login') {
      if (!accounts[accountId]) throw new Error(`no account ${accountId}`);
      return await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    }
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session.accountId, clientId: details.params.client_id });
    grant.addOIDCScope('openid');
    grant.addResourceScope(audience, 'api');
    const grantId = await grant.save();
    if (variant) variantByGrant.set(grantId, variant);
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  } catch (error) {
    res.statusCode = 400;
    res.end(String(error));
  }
});

process.stdout.write(`${JSON.stringify({ issuer })}\n`);
