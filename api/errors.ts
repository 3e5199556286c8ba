// Errors a client can act on: each has a stable code in `extensions.code` and says what to do.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ReadError } from '../db/read/reader.js';

export const MAX_PAGE_SIZE = 200;

export function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** A page size in 1…max, or a clear error naming the argument and the limit. */
export function pageSize(value: number | null | undefined, fallback: number, argument = 'first', max = MAX_PAGE_SIZE): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new GraphQLError(`\`${argument}\` must be between 1 and ${max} (got ${n}); page through larger results with \`after\`.`, {
      extensions: { code: 'PAGE_SIZE_EXCEEDED', argument, max },
    });
  }
  return n;
}

/** An integer argument in [min, max], or BAD_USER_INPUT. */
export function bounded(value: number | null | undefined, fallback: number, min: number, max: number, argument: string): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min || n > max) throw badInput(`\`${argument}\` must be between ${min} and ${max} (got ${n}).`, argument);
  return n;
}

/** Free text from a request: trimmed, non-empty, bounded in length. */
export function searchText(value: string, argument: string, max = 500): string {
  const text = value.trim();
  if (text === '') throw badInput(`\`${argument}\` must not be empty.`, argument);
  if (text.length > max) throw badInput(`\`${argument}\` is too long (${text.length} characters, at most ${max}).`, argument);
  return text;
}

/**
 * Shapes every error leaving the server: known codes pass through; anything unexpected (a driver
 * error whose message could reveal the query) becomes a plain INTERNAL_SERVER_ERROR outside
 * development, and is logged in full on the server.
 */
export function formatError(development: boolean, log: (message: string) => void) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof ReadError) {
      return { ...formatted, message: original.message, extensions: { ...withoutStack(formatted.extensions, development), code: original.code } };
    }
    const code = formatted.extensions?.code;
    // graphql-js's own errors (e.g. a mutation on a schema without mutations) are about the
    // request, not the server: their message is safe and useful.
    if (isPlainGraphQLError(original) && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
      return { ...formatted, extensions: { ...withoutStack(formatted.extensions, development), code: 'BAD_REQUEST' } };
    }
    if (code === 'INTERNAL_SERVER_ERROR' || code === undefined) {
      log(`internal error: ${original instanceof Error ? (original.stack ?? original.message) : String(original)}`);
      if (!development) {
        return { message: 'Internal server error; the server logged the details.', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
      }
    }
    return { ...formatted, extensions: withoutStack(formatted.extensions, development) };
  };
}

/**
 * A GraphQLError raised by graphql-js itself, not wrapping a thrown exception. Checked by name,
 * not instanceof: a test runner or bundler may load two copies of graphql.
 */
function isPlainGraphQLError(error: unknown): boolean {
  if (!(error instanceof Error) || error.name !== 'GraphQLError') return false;
  const wrapped = (error as { originalError?: unknown }).originalError;
  return wrapped === undefined || wrapped === null;
}

function withoutStack(extensions: Record<string, unknown> | undefined, development: boolean): Record<string, unknown> {
  if (!extensions) return {};
  if (development) return extensions;
  const { stacktrace: _stack, exception: _exception, ...rest } = extensions;
  return rest;
}
