/**
 * What the pipeline stored for one source, in the shape the extraction scorer compares
 * with the gold annotation: one record per timeline item the source cites, with the
 * source's own wording and the item's current (possibly corroborated) date.
 */
import type { ExtractedDate, ExtractedRecords } from '../eval/score.js';
import type { PrismaClient } from '../lib/db.js';

type DatePrecision = ExtractedDate['precision'];

interface CitedActor {
  id: string;
  name: string;
  aliases: { alias: string }[];
}

/** The actor's name first, then its other aliases, each once. */
function namesOf(actor: CitedActor): string[] {
  return [...new Set([actor.name, ...actor.aliases.map((alias) => alias.alias)])];
}

function dateOf(start: Date | null, precision: DatePrecision | null): ExtractedDate | null {
  if (start === null || precision === null) return null;
  return { start: start.toISOString().slice(0, 10), precision };
}

/** Joins a source's passages for one item in text order, each distinct passage once. */
function joinPassages(passages: (string | null | undefined)[]): string {
  return [...new Set(passages.filter((p): p is string => typeof p === 'string' && p.trim() !== ''))].join(' ');
}

export async function loadEvaluationRecords(prisma: PrismaClient, sourceId: string): Promise<ExtractedRecords> {
  // One findMany with nested selects: Prisma loads each relation level in one query
  // (or one join), however many citations the source has.
  const citations = await prisma.citation.findMany({
    where: { sourceId },
    orderBy: [{ start: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }, { id: 'asc' }],
    select: {
      excerpt: true,
      start: true,
      end: true,
      quoteText: true,
      item: {
        select: {
          id: true,
          kind: true,
          quote: true,
          status: true,
          dateStart: true,
          datePrecision: true,
          place: { select: { name: true } },
          speaker: {
            select: { id: true, name: true, aliases: { select: { alias: true }, orderBy: { alias: 'asc' } } },
          },
          participants: {
            orderBy: [{ role: 'asc' }, { actorId: 'asc' }],
            select: {
              role: true,
              actor: {
                select: { id: true, name: true, aliases: { select: { alias: true }, orderBy: { alias: 'asc' } } },
              },
            },
          },
        },
      },
    },
  });

  // A source may cite one item more than once (a remark in the headline and the body, or
  // split in two): that is still one record.
  const byItem = new Map<string, typeof citations>();
  for (const citation of citations) {
    const group = byItem.get(citation.item.id);
    if (group) group.push(citation);
    else byItem.set(citation.item.id, [citation]);
  }

  const records: ExtractedRecords = { statements: [], meetings: [], events: [] };
  for (const [itemId, group] of byItem) {
    const item = group[0]!.item;
    const date = dateOf(item.dateStart, item.datePrecision);
    // Who took part; MENTIONED actors are talked about, not involved.
    const involved = new Map<string, CitedActor>();
    for (const participant of item.participants) {
      if (participant.role !== 'MENTIONED') involved.set(participant.actor.id, participant.actor);
    }
    const excerpt = joinPassages(group.map((citation) => citation.excerpt));

    switch (item.kind) {
      case 'STATEMENT': {
        const speaker =
          item.speaker ?? item.participants.find((participant) => participant.role === 'SPEAKER')?.actor ?? null;
        const names = speaker ? namesOf(speaker) : [];
        records.statements.push({
          itemId,
          speakerName: names[0] ?? '',
          speakerAliases: names.slice(1),
          quote: joinPassages(group.map((citation) => citation.quoteText ?? item.quote)),
          date,
        });
        break;
      }
      case 'MEETING':
        records.meetings.push({
          itemId,
          participantNames: [...involved.values()].map(namesOf),
          place: item.place?.name ?? null,
          date,
          status: item.status,
          excerpt,
        });
        break;
      case 'EVENT': {
        const starts = group.map((citation) => citation.start).filter((n): n is number => n !== null);
        const ends = group.map((citation) => citation.end).filter((n): n is number => n !== null);
        records.events.push({
          itemId,
          actorNames: [...involved.values()].map(namesOf),
          excerpt,
          start: starts.length > 0 ? Math.min(...starts) : null,
          end: ends.length > 0 ? Math.max(...ends) : null,
          date,
        });
        break;
      }
    }
  }
  return records;
}
