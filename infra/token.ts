import { parseArgs } from 'node:util';
import { Roles, type Role } from '../shared/caller';
import { config } from '../shared/config';
import { issueToken } from '../gateway/src/auth';

/**
 * `npm run token -- --role OFFICIAL --unit 27.259.09238 [--official <id>] [--sub name] [--expires 8h]`: a development token.
 * `npm run token -- --role CITIZEN --sub <12-digit citizen ID> [--tax-code <organisation>]`: a citizen's, as VNeID would sign them in.
 */
const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'OFFICIAL' },
    unit: { type: 'string', default: '27' },
    sub: { type: 'string' },
    official: { type: 'string' },
    'tax-code': { type: 'string' },
    expires: { type: 'string', default: '8h' },
  },
});
const role = values.role as Role;
// PUBLIC is who calls without a token: it is not a role a token carries.
if (!Roles.includes(role) || role === 'PUBLIC') {
  console.error(
    `--role must be one of ${Roles.filter((r) => r !== 'PUBLIC').join(', ')}; got "${values.role}" (call without a token to act as the public).`,
  );
  process.exit(1);
}
if (role === 'CITIZEN' && !/^\d{12}$/.test(values.sub ?? '')) {
  console.error('A citizen signs in with their 12-digit citizen ID: give it as --sub.');
  process.exit(1);
}
const caller =
  role === 'CITIZEN'
    ? { sub: values.sub!, role, taxCode: values['tax-code'] ?? null }
    : { sub: values.sub ?? `dev-${role.toLowerCase()}-${values.unit}`, role, unit: values.unit, officialId: values.official ?? null };
issueToken(caller, config.jwtSecret, values.expires).then(
  (token) => console.log(token),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  },
);
