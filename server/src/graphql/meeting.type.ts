import { ObjectType } from 'type-graphql';
import { Node } from './node.type.js';
import { TimelineItem } from './timeline-item.type.js';

@ObjectType('Meeting', {
  implements: [Node, TimelineItem],
  description: 'Actors meeting or speaking by phone, in the past or scheduled.',
})
export class Meeting {}
