import { ObjectType } from 'type-graphql';
import { Node } from './node.type.js';
import { TimelineItem } from './timeline-item.type.js';

@ObjectType('Event', { implements: [Node, TimelineItem], description: 'Something that happened.' })
export class Event {}
