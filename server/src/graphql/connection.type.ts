/**
 * Relay connections. The services return a Page (rows, cursors, a lazy count); toConnection
 * turns it into edges/nodes/pageInfo/totalCount, where totalCount is a getter so that its
 * COUNT query runs only when a client selects the field.
 */
import { Field, Int, ObjectType } from 'type-graphql';
import type { ActorRow } from '../services/find-actors.js';
import type { SourceRow } from '../services/find-sources.js';
import type { Page } from '../services/pagination.js';
import type { TimelineItemRow } from '../services/timeline-filter.js';
import { Actor } from './actor.type.js';
import { Source } from './source.type.js';
import { TimelineItem } from './timeline-item.type.js';

@ObjectType('PageInfo', { description: 'Where a page stands in its list.' })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True when the page was asked for after a cursor.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page.' })
  endCursor!: string | null;
}

@ObjectType('TimelineItemEdge')
export class TimelineItemEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => TimelineItem)
  node!: TimelineItemRow;
}

@ObjectType('TimelineItemConnection')
export class TimelineItemConnection {
  @Field(() => [TimelineItemEdge])
  edges!: TimelineItemEdge[];

  @Field(() => [TimelineItem])
  nodes!: TimelineItemRow[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Items matching the filter, on every page.' })
  totalCount!: number;
}

@ObjectType('ActorEdge')
export class ActorEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Actor)
  node!: ActorRow;
}

@ObjectType('ActorConnection')
export class ActorConnection {
  @Field(() => [ActorEdge])
  edges!: ActorEdge[];

  @Field(() => [Actor])
  nodes!: ActorRow[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Actors matching the search, on every page.' })
  totalCount!: number;
}

@ObjectType('SourceEdge')
export class SourceEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => Source)
  node!: SourceRow;
}

@ObjectType('SourceConnection')
export class SourceConnection {
  @Field(() => [SourceEdge])
  edges!: SourceEdge[];

  @Field(() => [Source])
  nodes!: SourceRow[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}

export interface ConnectionValue<Row> {
  edges: Array<{ cursor: string; node: Row }>;
  nodes: Row[];
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

export function toConnection<Row>(page: Page<Row>): ConnectionValue<Row> {
  return {
    edges: page.rows.map((node, i) => ({ cursor: page.cursors[i] as string, node })),
    nodes: page.rows,
    pageInfo: {
      hasNextPage: page.hasNextPage,
      hasPreviousPage: page.hasPreviousPage,
      startCursor: page.cursors[0] ?? null,
      endCursor: page.cursors.at(-1) ?? null,
    },
    get totalCount() {
      return page.totalCount();
    },
  };
}
