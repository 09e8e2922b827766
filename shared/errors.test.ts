import { GraphQLError } from 'graphql';
import { formatError } from './errors';
import { toVietnamIso } from './scalars';

describe('formatError', () => {
  it('keeps a coded error and its field, without a stack trace', () => {
    const formatted = formatError(
      { message: 'Bad first', extensions: { code: 'BAD_USER_INPUT', field: 'first', stacktrace: ['at x'] } },
      new GraphQLError('Bad first'),
    );
    expect(formatted).toEqual({ message: 'Bad first', extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('replaces an uncoded error, which may carry SQL, by a generic message', () => {
    const leaked = 'duplicate key value violates unique constraint "dossier_code_key" in INSERT INTO dossier';
    const formatted = formatError({ message: leaked, path: ['x'] }, new Error(leaked));
    expect(formatted).toEqual({
      message: 'Internal server error; the incident was logged.',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});

describe('DateTime in Vietnamese time', () => {
  it('writes an instant with the +07:00 offset', () => {
    expect(toVietnamIso(new Date('2026-01-30T17:30:00Z'))).toBe('2026-01-31T00:30:00.000+07:00');
  });
});
