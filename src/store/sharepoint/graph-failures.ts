/**
 * Graph failures as the store's typed errors: callers never see Graph status codes. Conflicts
 * (412, 409) are turned into ConflictError where the entity is known, in the store.
 */
import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';
import { StoreUnavailableError } from '../errors';
import { GraphSignInError } from './auth';

/** The error behind a GraphClientError (a failed sign-in travels through the client this way). */
function unwrap(error: unknown): unknown {
  return error instanceof GraphClientError && error.customError instanceof Error ? error.customError : error;
}

/** The HTTP status of a Graph failure; undefined when no answer came (dropped, refused, timed out). */
export function statusOf(error: unknown): number | undefined {
  if (error instanceof GraphError) return error.statusCode > 0 ? error.statusCode : undefined;
  return undefined;
}

/** No answer came: the write may or may not have happened. */
export function isNoAnswer(thrown: unknown): boolean {
  const error = unwrap(thrown);
  if (error instanceof StoreUnavailableError || error instanceof GraphSignInError) return false;
  return statusOf(error) === undefined;
}

export function codeOf(error: unknown): string | undefined {
  return error instanceof GraphError && error.code ? error.code : undefined;
}

/** Wraps anything that is not already a store error as StoreUnavailableError, saying what failed. */
export function unavailable(thrown: unknown, doing: string): Error {
  const error = unwrap(thrown);
  if (error instanceof StoreUnavailableError || error instanceof GraphSignInError) return error;
  const status = statusOf(error);
  if (status === undefined) return new StoreUnavailableError(`SharePoint could not be reached while ${doing}`, error);
  const code = codeOf(error);
  if (status === 404) {
    return new StoreUnavailableError(`SharePoint answered 404 while ${doing}: are the TASS lists provisioned? (run tass provision)`, error);
  }
  return new StoreUnavailableError(`SharePoint answered ${status}${code ? ` ${code}` : ''} while ${doing}`, error);
}
