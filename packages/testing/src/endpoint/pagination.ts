// Pages are cut by a cursor, not an offset: items keep being added while a client pages (a new
// execution lands at the head of a newest-first list), and an offset would then repeat or skip
// items. The token carries the key of the last item returned plus a fingerprint of the query it
// belongs to, so a token replayed against another query is refused as AWS refuses it.
import { createHash } from 'node:crypto';
import { invalidToken } from './errors.js';

/** AWS's page size when `maxResults` is absent or 0. */
export const DEFAULT_PAGE_SIZE = 100;
/** The largest page AWS returns. */
export const MAX_PAGE_SIZE = 1000;

interface TokenBody {
  /** Fingerprint of the query. */
  q: string;
  /** Key of the last item returned. */
  k: number;
}

function fingerprint(query: string): string {
  return createHash('sha256').update(query).digest('base64url').slice(0, 16);
}

function encodeToken(body: TokenBody): string {
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decodeToken(token: string, query: string): number {
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken(`${token} is not a page token this endpoint issued`);
  }
  const candidate = body as Partial<TokenBody> | null;
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.k !== 'number') {
    throw invalidToken(`${token} is not a page token this endpoint issued`);
  }
  if (candidate.q !== fingerprint(query)) {
    throw invalidToken(
      `${token} belongs to a different request; repeat the request's other parameters unchanged`,
    );
  }
  return candidate.k;
}

/** What a paginated request asks for. */
export interface PageRequest {
  maxResults: number | undefined;
  nextToken: string | undefined;
}

/** One page and the token for the next, absent on the last page. */
export interface Page<T> {
  items: T[];
  nextToken: string | undefined;
}

/**
 * Cuts the page after `request.nextToken` out of `items`, which must be sorted by `keyOf`
 * (ascending or descending as `ascending` says).
 * @param query identifies the request (operation and filters) the token is valid for.
 * @throws ApiError InvalidToken when the token is malformed or was issued for another query.
 */
export function paginate<T>(
  items: readonly T[],
  keyOf: (item: T) => number,
  request: PageRequest,
  query: string,
  ascending = true,
): Page<T> {
  const size =
    request.maxResults === undefined || request.maxResults === 0 ? DEFAULT_PAGE_SIZE : request.maxResults;
  let rest: readonly T[] = items;
  if (request.nextToken !== undefined) {
    const last = decodeToken(request.nextToken, query);
    rest = items.filter((item) => (ascending ? keyOf(item) > last : keyOf(item) < last));
  }
  const page = rest.slice(0, size);
  const lastItem = page.at(-1);
  const nextToken =
    rest.length > size && lastItem !== undefined
      ? encodeToken({ q: fingerprint(query), k: keyOf(lastItem) })
      : undefined;
  return { items: page, nextToken };
}
