import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { logger } from './logger';

/** The stable codes clients may branch on; anything else is reported as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/**
 * A GraphQL error a person can act on; `field` names the input field at fault, dotted from the
 * input root. `status` is for errors that refuse the whole request (a bad token): a field's error
 * leaves the HTTP status alone, so the rest of the answer still arrives.
 */
export function codedError(code: ErrorCode, message: string, field?: string, status?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...(field ? { field } : {}), ...(status ? { http: { status } } : {}) },
  });
}

export const badInput = (field: string, message: string) => codedError('BAD_USER_INPUT', message, field);
export const notFound = (message: string, field?: string) => codedError('NOT_FOUND', message, field);
export const forbidden = (message: string) => codedError('FORBIDDEN', message);
export const conflict = (message: string, field?: string) => codedError('CONFLICT', message, field);
/** Sign-in needed for a field: the field is null with this error, the rest of the answer stands. */
export const unauthenticated = (message: string) => codedError('UNAUTHENTICATED', message);
/** The request's credentials are refused: HTTP 401, nothing runs. */
export const credentialsRefused = (message: string) => codedError('UNAUTHENTICATED', message, undefined, 401);

export const publicCodes: ReadonlySet<string> = new Set<string>([
  ...Object.values(ErrorCode),
  // Apollo Server's own request errors are safe and useful to clients.
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'RATE_LIMITED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's answer when a subgraph is down or too slow: partial data, retry later.
  'SERVICE_UNAVAILABLE',
]);

/**
 * The operation limits parse the document themselves and report everything as a validation
 * failure worded "Syntax Error": a real syntax error is GRAPHQL_PARSE_FAILED, and a limit is
 * named as the limit it is.
 */
function recodeParseFailures(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code !== 'GRAPHQL_VALIDATION_FAILED' || !formatted.message.startsWith('Syntax Error: ')) return formatted;
  const rest = formatted.message.slice('Syntax Error: '.length);
  if (/limit of/i.test(rest)) return { ...formatted, message: `${rest} Split the operation or ask for less.` };
  if (/Maximum call stack/i.test(rest)) return { ...formatted, message: 'The operation is nested too deeply to read.' };
  return { ...formatted, extensions: { ...formatted.extensions, code: 'GRAPHQL_PARSE_FAILED' } };
}

/** Node's and PostgreSQL's codes for a database that is down, restarting or unreachable: worth a retry, not an incident. */
const DATABASE_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

function databaseUnavailable(error: unknown): boolean {
  const cause = (error as { originalError?: unknown })?.originalError ?? error;
  const code = (cause as { code?: string })?.code;
  const message = (cause as { message?: string })?.message ?? '';
  return (!!code && DATABASE_UNAVAILABLE.has(code)) || /Connection terminated|connection timeout/i.test(message);
}

/**
 * Apollo `formatError`: coded errors pass through, everything else (driver errors carry SQL,
 * thrown Errors carry stacks) is logged here and replaced by a generic message.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  formatted = recodeParseFailures(formatted);
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && publicCodes.has(code)) {
    const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  // Apollo's own refusals of a malformed request (a persisted-query extension it cannot use) carry a 4xx status and no code.
  const status = (error as { extensions?: { http?: { status?: number } } })?.extensions?.http?.status;
  if ((!code || code === 'INTERNAL_SERVER_ERROR') && status && status >= 400 && status < 500) {
    return { message: formatted.message, extensions: { code: 'BAD_REQUEST' } };
  }
  const cause = (error as { originalError?: unknown })?.originalError ?? error;
  // Only the place and a message of ours reach the client: the cause (SQL, a stack) stays in the log.
  const replaced = (code: string, message: string): GraphQLFormattedError => ({
    message,
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code },
  });
  if (databaseUnavailable(error)) {
    logger.warn({ err: cause, path: formatted.path }, 'database unavailable');
    return replaced('SERVICE_UNAVAILABLE', 'The database is unavailable for a moment; nothing was changed. Try again shortly.');
  }
  logger.error({ err: cause, path: formatted.path }, 'internal error');
  return replaced('INTERNAL_SERVER_ERROR', 'Internal server error; the incident was logged.');
}
