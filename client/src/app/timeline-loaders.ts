/** The explorer's loaders for useTimelineWindow: urql, so answers are cached and shared. */
import type { Client, TypedDocumentNode } from '@urql/core';
import { useMemo } from 'react';
import { useClient } from 'urql';
import { errorMessage } from '../graphql/client';
import {
  TimelineDensityDocument,
  type TimelineEntryFragment,
  TimelineWindowDocument,
} from '../graphql/generated/graphql';
import type { TimelineLoaders } from '../timeline/use-timeline-window';

/** One query as a promise that an AbortSignal cancels (urql aborts the fetch on teardown). */
function runQuery<Data, Variables extends Record<string, unknown>>(
  client: Client,
  query: TypedDocumentNode<Data, Variables>,
  variables: Variables,
  signal: AbortSignal,
): Promise<Data> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const subscription = client.query(query, variables).subscribe((result) => {
      if (settled) return;
      settled = true;
      queueMicrotask(() => subscription.unsubscribe());
      if (result.error) reject(new Error(errorMessage(result.error)));
      else if (!result.data) reject(new Error('The server sent no data.'));
      else resolve(result.data);
    });
    signal.addEventListener('abort', () => {
      if (settled) return;
      settled = true;
      subscription.unsubscribe();
      reject(new DOMException('Aborted', 'AbortError'));
    });
  });
}

export function useTimelineLoaders(): TimelineLoaders<TimelineEntryFragment> {
  const client = useClient();
  return useMemo(
    () => ({
      density: async (filter, unit, signal) =>
        (await runQuery(client, TimelineDensityDocument, { filter, unit }, signal)).timelineBuckets,
      page: async (filter, first, after, signal) => {
        const { timeline } = await runQuery(client, TimelineWindowDocument, { filter, first, after }, signal);
        return {
          nodes: timeline.nodes,
          hasNextPage: timeline.pageInfo.hasNextPage,
          endCursor: timeline.pageInfo.endCursor,
        };
      },
    }),
    [client],
  );
}
