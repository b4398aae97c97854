/**
 * The widget's GraphQL client: one GET per read (cacheable by browsers and CDNs), with
 * Apollo's CSRF preflight header, aborted with the widget. No library: every byte counts.
 */
import type { TypedDocumentString } from './generated/graphql';

export class ApiError extends Error {}

export async function query<Result, Variables>(
  api: string,
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  signal?: AbortSignal,
): Promise<Result> {
  const url = new URL('/graphql', api);
  url.searchParams.set('query', document.toString());
  url.searchParams.set('variables', JSON.stringify(variables));
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
      credentials: 'omit',
      signal: signal ?? null,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError('The timeline could not be reached.');
  }
  const body = (await response.json().catch(() => null)) as {
    data?: Result;
    errors?: Array<{ message: string }>;
  } | null;
  const first = body?.errors?.[0];
  if (first) throw new ApiError(first.message);
  if (!response.ok || !body?.data) throw new ApiError(`The timeline answered ${response.status}.`);
  return body.data;
}
