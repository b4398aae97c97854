/**
 * Small factories for synthetic timeline records, written with plain Prisma inserts (no
 * extraction), for tests that need exact control over dates, sources and participants.
 * Unique values are made here; tests refer to records by the names they give them.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fuzzyDate } from '../../server/src/extract/dates.js';
import { normalizeAlias } from '../../server/src/extract/names.js';
import type { PrismaClient } from '../../server/src/lib/db.js';

type Precision = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
type Role = 'SPEAKER' | 'PARTICIPANT' | 'MENTIONED';

export async function createActor(
  prisma: PrismaClient,
  name: string,
  options: { kind?: 'PERSON' | 'ORGANIZATION' | 'COUNTRY'; aliases?: string[] } = {},
): Promise<string> {
  const names = [...new Set([name, ...(options.aliases ?? [])])];
  const actor = await prisma.actor.create({
    data: {
      name,
      kind: options.kind ?? 'PERSON',
      aliases: { create: names.map((alias) => ({ alias, normalized: normalizeAlias(alias) })) },
    },
    select: { id: true },
  });
  return actor.id;
}

export async function createPlace(prisma: PrismaClient, name: string, country: string | null = null): Promise<string> {
  const place = await prisma.place.create({ data: { name, country }, select: { id: true } });
  return place.id;
}

export async function createSource(
  prisma: PrismaClient,
  options: { title: string; publisher?: string; published?: string; precision?: Precision; duplicateOf?: string },
): Promise<string> {
  const text = `${options.title}\n\n${randomBytes(8).toString('hex')}`;
  const source = await prisma.source.create({
    data: {
      title: options.title,
      publisher: options.publisher ?? null,
      publishedAt: options.published ? new Date(options.published) : null,
      publishedPrecision: options.published ? (options.precision ?? 'DAY') : null,
      format: 'TEXT',
      rawText: text,
      text,
      contentHash: createHash('sha256').update(text).digest('hex'),
      fingerprint: 0n,
      fingerprintBands: [],
      extractorVersion: 'test',
      duplicateOfId: options.duplicateOf ?? null,
      warnings: options.published ? [] : [{ code: 'UNDATED', message: 'No publication date found.' }],
    },
    select: { id: true },
  });
  return source.id;
}

export interface ItemSpec {
  kind: 'EVENT' | 'MEETING' | 'STATEMENT';
  title: string;
  summary?: string;
  /** Start of the fuzzy date (its end follows from the precision); absent = undated. */
  date?: string;
  precision?: Precision;
  /** What the date was read from; EXPLICIT unless given (null: stored without a basis). */
  basis?: 'CALLER' | 'EXPLICIT' | 'URL' | 'RELATIVE' | 'CONTEXT' | 'PUBLICATION' | 'CAPTION' | 'CORROBORATION' | null;
  status?: 'OCCURRED' | 'SCHEDULED' | 'POSTPONED' | 'CANCELLED';
  placeId?: string;
  /** Statements: the speaker (also recorded as a SPEAKER participant) and words. */
  speakerId?: string;
  quote?: string;
  participants?: Array<[actorId: string, role: Role]>;
  /** One citation per entry; quoteText defaults to the quote for statements. */
  citations?: Array<{ sourceId: string; excerpt?: string; quoteText?: string }>;
}

export async function createItem(prisma: PrismaClient, spec: ItemSpec): Promise<string> {
  const date = spec.date ? fuzzyDate(new Date(spec.date), spec.precision ?? 'DAY') : null;
  const citations = spec.citations ?? [];
  const participants: Array<[string, Role]> = [
    ...(spec.speakerId ? [[spec.speakerId, 'SPEAKER'] as [string, Role]] : []),
    ...(spec.participants ?? []),
  ];
  const item = await prisma.timelineItem.create({
    data: {
      kind: spec.kind,
      title: spec.title,
      summary: spec.summary ?? null,
      dateStart: date?.start ?? null,
      dateEnd: date?.end ?? null,
      datePrecision: date?.precision ?? null,
      dateBasis: date ? (spec.basis === undefined ? 'EXPLICIT' : spec.basis) : null,
      status: spec.status ?? 'OCCURRED',
      placeId: spec.placeId ?? null,
      speakerId: spec.speakerId ?? null,
      quote: spec.quote ?? null,
      sourceCount: new Set(citations.map((c) => c.sourceId)).size,
      participants: { create: participants.map(([actorId, role]) => ({ actorId, role })) },
      citations: {
        create: citations.map((c, i) => ({
          sourceId: c.sourceId,
          excerpt: c.excerpt ?? `${spec.title} (passage ${i + 1})`,
          quoteText: spec.kind === 'STATEMENT' ? (c.quoteText ?? spec.quote ?? null) : null,
        })),
      },
    },
    select: { id: true },
  });
  return item.id;
}
