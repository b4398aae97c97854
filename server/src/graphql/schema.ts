import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ActorResolver } from './actor.resolver.js';
import { CitationResolver } from './citation.resolver.js';
import { CurationResolver } from './curation.resolver.js';
import { DateTimeScalar } from './date-time.scalar.js';
import { Event } from './event.type.js';
import { IngestResolver } from './ingest.resolver.js';
import { Meeting } from './meeting.type.js';
import { NodeResolver } from './node.resolver.js';
import { PlaceResolver } from './place.resolver.js';
import { ServerInfoResolver } from './server-info.resolver.js';
import { SourceResolver } from './source.resolver.js';
import { StatementResolver } from './statement.resolver.js';
import { Statement } from './statement.type.js';
import { TimelineResolver } from './timeline.resolver.js';
import { TimelineItemResolver } from './timeline-item.resolver.js';

/** Builds the executable schema from the type-graphql resolvers (no glob wiring). */
export async function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [
      ServerInfoResolver,
      NodeResolver,
      TimelineResolver,
      TimelineItemResolver,
      StatementResolver,
      ActorResolver,
      PlaceResolver,
      SourceResolver,
      CitationResolver,
      IngestResolver,
      CurationResolver,
    ],
    // Types no field returns by name (only through the TimelineItem interface).
    orphanedTypes: [Event, Meeting, Statement],
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
  });
}
