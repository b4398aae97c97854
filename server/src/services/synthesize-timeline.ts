/**
 * A synthetic timeline of any size, for load tests and demos: invented countries,
 * organizations and people, real cities, statements (speaker and words), meetings (two to
 * four participants, mostly somewhere) and events, dated across a span at every precision,
 * each cited by one to three synthetic sources whose text holds the cited passages.
 *
 * Rows are what the pipeline would have stored: fuzzy dates aligned to their day, ISO week,
 * month or year; titles and summaries written by the pipeline's own functions; citations
 * with offsets into their source's text and the item's date as their claim; source counts
 * of distinct sources. Every source says it is synthetic (publisher "Parley synthetic data",
 * a SYNTHETIC warning, a closing line), and has no URL or one under example.invalid.
 *
 * Deterministic for a seed and item count: titles, texts and dates repeat exactly; only row
 * ids and the run line that keeps each run's sources distinct change. Actors and places are
 * reused when they already exist (a second run adds items, not namesakes).
 *
 * Fast: rows are planned in memory a chunk at a time and written with one INSERT ... SELECT
 * FROM unnest(...) per table and chunk, all in one transaction (all or nothing), under the
 * ingest lock so that no ingest interleaves.
 */
import { createHash, randomBytes } from 'node:crypto';
import { formatFuzzyDate, fuzzyDate } from '../extract/dates.js';
import { findCity } from '../extract/geo.js';
import { normalizeAlias, personKey } from '../extract/names.js';
import { Prisma } from '../generated/prisma/client.js';
import type { PrismaClient } from '../lib/db.js';
import { AppError } from '../lib/errors.js';
import { INGEST_LOCK } from './ingest-article.js';
import { meetingTitle, statementTitle } from './store-extraction.js';
import {
  type ActorSpec,
  CITIES,
  EVENT_ACTIONS,
  filler,
  makeActors,
  makeQuote,
  pick,
  popular,
  type Random,
  seededRandom,
  weighted,
  whenPhrase,
} from './synthetic-text.js';

type Tx = Prisma.TransactionClient;
type Precision = 'DAY' | 'WEEK' | 'MONTH' | 'YEAR';
type Kind = 'STATEMENT' | 'MEETING' | 'EVENT';
type Role = 'SPEAKER' | 'PARTICIPANT' | 'MENTIONED';

export const MAX_SYNTHETIC_ITEMS = 5_000_000;
export const SYNTHETIC_PUBLISHER = 'Parley synthetic data';
const DEFAULT_FROM = new Date(Date.UTC(1996, 0, 1));
const DEFAULT_TO = new Date(Date.UTC(2025, 11, 31));
const DAY_MS = 86_400_000;
/** Items planned and written per round trip: big enough to be fast, small enough for memory. */
const CHUNK = 5_000;
const ANALYZE_FROM = 10_000;

export interface SynthesizeTimelineOptions {
  /** How many timeline items: 1 to 5,000,000. */
  items: number;
  /** The same seed (and item count) gives the same timeline; default "1". */
  seed?: string | number;
  /** First day items may fall on (UTC); default 1996-01-01 (thirty years to 2025). */
  from?: Date;
  /** Last day items may fall on, inclusive; default 2025-12-31. */
  to?: Date;
  /** Called after each chunk with the number of items written so far. */
  onProgress?: (written: number) => void;
}

export interface SynthesizeTimelineResult {
  seed: string;
  items: number;
  statements: number;
  meetings: number;
  events: number;
  scheduled: number;
  undated: number;
  /** Actors and places created by this run (existing ones are reused). */
  actors: number;
  aliases: number;
  places: number;
  sources: number;
  citations: number;
  participants: number;
}

/** Ids like Prisma's uuid(7): this run's start time, then a counter, so ids increase in the order rows are planned. */
function idMaker(): () => string {
  const time = Date.now().toString(16).padStart(12, '0');
  const runBits = randomBytes(4).toString('hex');
  let counter = 0;
  return () => {
    const n = counter++;
    const high = Math.floor(n / 2 ** 30) & 0xfff;
    const low = n % 2 ** 30;
    const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
    return `${time.slice(0, 8)}-${time.slice(8)}-7${hex(high, 3)}-${hex(0x8000 | (low >>> 16), 4)}-${hex(low & 0xffff, 4)}${runBits}`;
  };
}

function utcDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS);
}

interface ActorRef {
  id: string;
  spec: ActorSpec;
}

interface PlaceRef {
  id: string;
  name: string;
}

interface PlannedItem {
  id: string;
  kind: Kind;
  title: string;
  summary: string | null;
  date: { start: Date; end: Date; precision: Precision } | null;
  status: 'OCCURRED' | 'SCHEDULED';
  place: PlaceRef | null;
  confidence: number;
  speaker: ActorRef | null;
  quote: string | null;
  quoteMode: 'DIRECT' | 'PARTIAL' | 'UNMARKED' | null;
  meetingFormat: 'IN_PERSON' | 'PHONE' | 'VIDEO' | 'UNKNOWN' | null;
  action: string | null;
  participants: Array<[ActorRef, Role]>;
  /** The passage a source reports this item with; `variant` varies the wording between sources. */
  excerpt(variant: number): string;
  sourceCount: number;
}

function checkOptions(options: SynthesizeTimelineOptions): { seed: string; fromDay: number; toDay: number } {
  const { items } = options;
  if (!Number.isInteger(items) || items < 1 || items > MAX_SYNTHETIC_ITEMS)
    throw new AppError(
      'BAD_USER_INPUT',
      `The number of items must be a whole number from 1 to ${MAX_SYNTHETIC_ITEMS.toLocaleString('en-US')}.`,
    );
  const seed = String(options.seed ?? '1');
  if (seed.length === 0 || seed.length > 100 || /\p{Cc}/u.test(seed))
    throw new AppError('BAD_USER_INPUT', 'The seed must be 1 to 100 printable characters.');
  const from = options.from ?? DEFAULT_FROM;
  const to = options.to ?? DEFAULT_TO;
  for (const [name, date] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1000 || date.getUTCFullYear() > 9000)
      throw new AppError('BAD_USER_INPUT', `"${name}" must be a date between the years 1000 and 9000.`);
  if (utcDay(from) > utcDay(to)) throw new AppError('BAD_USER_INPUT', '"from" must not be after "to".');
  return { seed, fromDay: utcDay(from), toDay: utcDay(to) };
}

/** A fuzzy date of `precision` around `day`, when that period lies inside the span; otherwise the day itself. */
function itemDate(day: number, precision: Precision, fromDay: number, toDay: number) {
  const date = fuzzyDate(new Date(day * DAY_MS), precision);
  if (utcDay(date.start) < fromDay || utcDay(date.end) > toDay + 1) return fuzzyDate(new Date(day * DAY_MS), 'DAY');
  return date;
}

const PRECISIONS: Record<Kind, ReadonlyArray<readonly [Precision, number]>> = {
  STATEMENT: [
    ['DAY', 88],
    ['WEEK', 6],
    ['MONTH', 5],
    ['YEAR', 1],
  ],
  MEETING: [
    ['DAY', 80],
    ['WEEK', 8],
    ['MONTH', 9],
    ['YEAR', 3],
  ],
  EVENT: [
    ['DAY', 65],
    ['WEEK', 8],
    ['MONTH', 15],
    ['YEAR', 12],
  ],
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(...parts: string[]): string {
  return parts.filter((p) => p !== '').join(' ');
}

function listNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The planner: actors and places are chosen from pools, everything else drawn from `random`. */
class Planner {
  private readonly people: ActorRef[];
  private readonly collectives: ActorRef[];

  constructor(
    private readonly random: Random,
    private readonly nextId: () => string,
    actors: ActorRef[],
    private readonly places: PlaceRef[],
    private readonly fromDay: number,
    private readonly toDay: number,
  ) {
    this.people = actors.filter((a) => a.spec.kind === 'PERSON');
    this.collectives = actors.filter((a) => a.spec.kind !== 'PERSON');
  }

  private person(): ActorRef {
    return this.people[popular(this.random, this.people.length)] as ActorRef;
  }

  private collective(): ActorRef {
    return this.collectives[popular(this.random, this.collectives.length)] as ActorRef;
  }

  private distinct(count: number, draw: () => ActorRef, not: readonly ActorRef[] = []): ActorRef[] {
    const chosen: ActorRef[] = [];
    const taken = new Set(not.map((a) => a.id));
    for (let tries = 0; chosen.length < count && tries < count * 20; tries++) {
      const actor = draw();
      if (taken.has(actor.id)) continue;
      taken.add(actor.id);
      chosen.push(actor);
    }
    return chosen;
  }

  /** One item; `day` is null for an undated one. */
  item(day: number | null): PlannedItem {
    const { random } = this;
    const kind = weighted(random, [
      ['STATEMENT', 50],
      ['MEETING', 25],
      ['EVENT', 25],
    ] as const);
    const date = day === null ? null : itemDate(day, weighted(random, PRECISIONS[kind]), this.fromDay, this.toDay);
    const when = whenPhrase(date?.start ?? null, date?.precision ?? null);
    const base = {
      id: this.nextId(),
      kind,
      date,
      confidence: Math.round((0.55 + random() * 0.4) * 100) / 100,
      summary: null,
      place: null,
      speaker: null,
      quote: null,
      quoteMode: null,
      meetingFormat: null,
      action: null,
      status: 'OCCURRED' as const,
      sourceCount: 0,
    };
    if (kind === 'STATEMENT') {
      const speaker = random() < 0.85 ? this.person() : this.collective();
      const quote = makeQuote(random);
      const mentioned = this.distinct(
        weighted(random, [
          [0, 60],
          [1, 30],
          [2, 10],
        ] as const),
        () => this.collective(),
        [speaker],
      );
      const name = speaker.spec.name;
      const role = speaker.spec.description;
      const q = quote.text;
      const excerpt = (variant: number) => {
        if (quote.mode === 'UNMARKED') return `${name} said ${when === '' ? '' : `${when} `}in a statement: ${q}`;
        if (quote.mode === 'PARTIAL')
          return variant % 2 === 0 ? `${name} called for “${q}”.` : `${name} said the government wanted “${q}”.`;
        switch (variant % 3) {
          case 0:
            return `${sentence(`“${q}”`, `${name} said`, when)}.`;
          case 1:
            return `${role ? `${capitalize(role)} ${name}` : name} told reporters: “${q}”`;
          default:
            return `Speaking ${when === '' ? 'to reporters' : when}, ${name} said: “${q}”`;
        }
      };
      return {
        ...base,
        title: statementTitle(name, q),
        speaker,
        quote: q,
        quoteMode: quote.mode,
        participants: [[speaker, 'SPEAKER'], ...mentioned.map((a): [ActorRef, Role] => [a, 'MENTIONED'])],
        excerpt,
      };
    }
    if (kind === 'MEETING') {
      const size = weighted(random, [
        [2, 70],
        [3, 20],
        [4, 10],
      ] as const);
      const people = random() < 0.8;
      const who = this.distinct(size, () => (people ? this.person() : this.collective()));
      const status = date && random() < 0.15 ? ('SCHEDULED' as const) : ('OCCURRED' as const);
      const format = weighted(random, [
        ['IN_PERSON', 75],
        ['PHONE', 15],
        ['VIDEO', 5],
        ['UNKNOWN', 5],
      ] as const);
      const place = format !== 'PHONE' && random() < 0.9 ? pick(random, this.places) : null;
      const title = meetingTitle(
        who.map((a) => a.spec.name),
        status,
        format,
        place?.name ?? null,
      );
      const [first, ...others] = who.map((a) => a.spec.name);
      const at = place ? `in ${place.name}` : '';
      const excerpt = (variant: number) => {
        if (status === 'SCHEDULED')
          return format === 'PHONE'
            ? sentence(`${first} is to speak by phone with ${listNames(others)}`, `${when},`, 'officials said.')
            : sentence(`${first} is scheduled to meet ${listNames(others)}`, at, `${when},`, 'officials said.');
        if (format === 'PHONE') return `${sentence(`${first} spoke by phone with ${listNames(others)}`, when)}.`;
        return variant % 2 === 0
          ? `${sentence(`${first} met ${listNames(others)}`, at, when)}.`
          : `${sentence(`${listNames(who.map((a) => a.spec.name))} held talks`, at, when)}.`;
      };
      return {
        ...base,
        title,
        summary: date ? `${title} (${formatFuzzyDate(date)}).` : null,
        status,
        place,
        meetingFormat: format,
        participants: who.map((a): [ActorRef, Role] => [a, 'PARTICIPANT']),
        excerpt,
      };
    }
    const actor = random() < 0.8 ? this.collective() : this.person();
    const [target] = this.distinct(1, () => this.collective(), [actor]);
    const [action, object] = pick(random, EVENT_ACTIONS);
    const what = `${action} ${object(target?.spec.name ?? 'its neighbours')}`;
    const place = random() < 0.3 ? pick(random, this.places) : null;
    const excerpt = (variant: number) =>
      variant % 2 === 0 || when === ''
        ? `${sentence(actor.spec.name, what, when)}, officials said.`
        : `${capitalize(when)}, ${actor.spec.name} ${what}.`;
    return {
      ...base,
      title: `${actor.spec.name} ${what}`.slice(0, 160),
      place,
      action,
      participants: [
        [actor, 'PARTICIPANT'],
        ...(target && random() < 0.6 ? [[target, 'MENTIONED'] as [ActorRef, Role]] : []),
      ],
      excerpt,
    };
  }
}

interface PlannedSource {
  id: string;
  title: string;
  url: string | null;
  text: string;
  publishedAt: Date | null;
  citations: Array<{ id: string; item: PlannedItem; excerpt: string; start: number; end: number }>;
}

/**
 * Sources for a chunk of items in date order: each run of three to five neighbouring items
 * is one article; an item is also reported by one or two articles nearby, sometimes.
 */
function planSources(
  random: Random,
  nextId: () => string,
  items: PlannedItem[],
  firstNumber: number,
  seed: string,
  runLine: string,
): PlannedSource[] {
  const groups: PlannedItem[][] = [];
  for (let i = 0; i < items.length; ) {
    const size = 3 + Math.floor(random() * 3);
    groups.push(items.slice(i, i + size));
    i += size;
  }
  const cited: Array<Array<{ item: PlannedItem; variant: number }>> = groups.map(() => []);
  const position = new Map<PlannedItem, number>(items.map((item, i) => [item, i]));
  groups.forEach((group, g) => {
    for (const item of group) {
      const extra = weighted(random, [
        [0, 55],
        [1, 30],
        [2, 15],
      ] as const);
      const nearby = [g - 2, g - 1, g + 1, g + 2].filter((n) => n >= 0 && n < groups.length);
      const chosen = [g];
      for (let k = 0; k < extra && nearby.length > 0; k++)
        chosen.push(nearby.splice(Math.floor(random() * nearby.length), 1)[0] as number);
      chosen.forEach((s, variant) => {
        cited[s]?.push({ item, variant });
      });
      item.sourceCount = chosen.length;
    }
  });
  return cited.map((entries, g) => {
    entries.sort((a, b) => (position.get(a.item) as number) - (position.get(b.item) as number));
    const lead = (entries[0] as { item: PlannedItem }).item;
    const number = firstNumber + g;
    let text = `${lead.title}\n\n`;
    const citations: PlannedSource['citations'] = [];
    for (const { item, variant } of entries) {
      const excerpt = item.excerpt(variant);
      const start = text.length;
      text += excerpt;
      citations.push({ id: nextId(), item, excerpt, start, end: text.length });
      text += random() < 0.3 ? ` ${filler(random)}\n\n` : '\n\n';
    }
    text += `This article is synthetic data made by Parley (seed ${JSON.stringify(seed)}, article ${number}, ${runLine}); it reports nothing real.\n`;
    // Published the day the latest thing it reports ended (or the next day); announcements
    // only: a few days before the earliest of them; nothing dated: undated.
    const ended = entries.flatMap(({ item }) =>
      item.date && item.status === 'OCCURRED' ? [utcDay(item.date.end) - 1] : [],
    );
    const announced = entries.flatMap(({ item }) => (item.date ? [utcDay(item.date.start)] : []));
    const publishedDay =
      ended.length > 0
        ? Math.max(...ended) + (random() < 0.5 ? 0 : 1)
        : announced.length > 0
          ? Math.min(...announced) - 1 - Math.floor(random() * 14)
          : null;
    return {
      id: nextId(),
      title: lead.title,
      url: random() < 0.5 ? null : `https://news.example.invalid/synthetic/${encodeURIComponent(seed)}/${number}`,
      text,
      publishedAt: publishedDay === null ? null : new Date(publishedDay * DAY_MS),
      citations,
    };
  });
}

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);

async function writeSources(tx: Tx, sources: PlannedSource[]): Promise<void> {
  const hashes = sources.map((s) => createHash('sha256').update(s.text, 'utf8').digest('hex'));
  const warnings = sources.map((s) =>
    JSON.stringify([
      { code: 'SYNTHETIC', message: 'Made by parley synth: not real reporting.' },
      ...(s.publishedAt ? [] : [{ code: 'UNDATED', message: 'No publication date found.' }]),
    ]),
  );
  // Not a SimHash: synthetic bodies are template text and would all look like near-duplicates
  // of each other. With no bands they are never near-duplicate candidates of anything.
  const fingerprints = hashes.map((h) => BigInt.asIntN(64, BigInt(`0x${h.slice(0, 16)}`)).toString());
  await tx.$executeRaw`
    INSERT INTO source (id, url, title, publisher, published_at, published_precision, published_basis, format,
                        raw_text, text, content_hash, fingerprint, fingerprint_bands, warnings, extractor_version)
    SELECT u.id, u.url, u.title, ${SYNTHETIC_PUBLISHER}, u.published_at,
           CASE WHEN u.published_at IS NULL THEN NULL ELSE 'DAY'::"DatePrecision" END,
           CASE WHEN u.published_at IS NULL THEN NULL ELSE 'EXPLICIT'::"DateBasis" END,
           'TEXT', u.text, u.text, u.content_hash, u.fingerprint, '{}'::int[], u.warnings::jsonb, 'synthetic'
    FROM unnest(${sources.map((s) => s.id)}::uuid[], ${sources.map((s) => s.url)}::text[],
                ${sources.map((s) => s.title)}::text[], ${sources.map((s) => iso(s.publishedAt))}::timestamptz[],
                ${sources.map((s) => s.text)}::text[], ${hashes}::text[], ${fingerprints}::bigint[], ${warnings}::text[])
         AS u(id, url, title, published_at, text, content_hash, fingerprint, warnings)`;
}

async function writeItems(tx: Tx, items: PlannedItem[]): Promise<void> {
  const column = <T>(value: (item: PlannedItem) => T) => items.map(value);
  await tx.$executeRaw`
    INSERT INTO timeline_item (id, kind, title, summary, date_start, date_end, date_precision, date_basis, status,
                               place_id, confidence, source_count, speaker_id, quote, quote_mode, meeting_format,
                               action, updated_at)
    SELECT u.id, u.kind::"ItemKind", u.title, u.summary, u.date_start, u.date_end,
           u.date_precision::"DatePrecision", CASE WHEN u.date_start IS NULL THEN NULL ELSE 'EXPLICIT'::"DateBasis" END,
           u.status::"ItemStatus", u.place_id, u.confidence, u.source_count, u.speaker_id, u.quote,
           u.quote_mode::"QuoteMode", u.meeting_format::"MeetingFormat", u.action, now()
    FROM unnest(${column((i) => i.id)}::uuid[], ${column((i) => i.kind)}::text[], ${column((i) => i.title)}::text[],
                ${column((i) => i.summary)}::text[], ${column((i) => iso(i.date?.start))}::timestamptz[],
                ${column((i) => iso(i.date?.end))}::timestamptz[], ${column((i) => i.date?.precision ?? null)}::text[],
                ${column((i) => i.status)}::text[], ${column((i) => i.place?.id ?? null)}::uuid[],
                ${column((i) => i.confidence)}::float8[], ${column((i) => i.sourceCount)}::int[],
                ${column((i) => i.speaker?.id ?? null)}::uuid[], ${column((i) => i.quote)}::text[],
                ${column((i) => i.quoteMode)}::text[], ${column((i) => i.meetingFormat)}::text[],
                ${column((i) => i.action)}::text[])
         AS u(id, kind, title, summary, date_start, date_end, date_precision, status, place_id, confidence,
              source_count, speaker_id, quote, quote_mode, meeting_format, action)`;
}

async function writeParticipants(tx: Tx, items: PlannedItem[]): Promise<number> {
  const rows = items.flatMap((item) => item.participants.map(([actor, role]) => [item.id, actor.id, role] as const));
  await tx.$executeRaw`
    INSERT INTO participant (item_id, actor_id, role)
    SELECT u.item_id, u.actor_id, u.role::"ParticipantRole"
    FROM unnest(${rows.map((r) => r[0])}::uuid[], ${rows.map((r) => r[1])}::uuid[], ${rows.map((r) => r[2])}::text[])
         AS u(item_id, actor_id, role)`;
  return rows.length;
}

async function writeCitations(tx: Tx, sources: PlannedSource[]): Promise<number> {
  const rows = sources.flatMap((source) => source.citations.map((citation) => ({ source, ...citation })));
  const column = <T>(value: (row: (typeof rows)[number]) => T) => rows.map(value);
  await tx.$executeRaw`
    INSERT INTO citation (id, item_id, source_id, excerpt, start, "end", quote_text, date_start, date_end,
                          date_precision, date_basis)
    SELECT u.id, u.item_id, u.source_id, u.excerpt, u.start, u."end", u.quote_text, u.date_start, u.date_end,
           u.date_precision::"DatePrecision", CASE WHEN u.date_start IS NULL THEN NULL ELSE 'EXPLICIT'::"DateBasis" END
    FROM unnest(${column((r) => r.id)}::uuid[], ${column((r) => r.item.id)}::uuid[], ${column((r) => r.source.id)}::uuid[],
                ${column((r) => r.excerpt)}::text[], ${column((r) => r.start)}::int[], ${column((r) => r.end)}::int[],
                ${column((r) => (r.item.kind === 'STATEMENT' ? r.item.quote : null))}::text[],
                ${column((r) => iso(r.item.date?.start))}::timestamptz[], ${column((r) => iso(r.item.date?.end))}::timestamptz[],
                ${column((r) => r.item.date?.precision ?? null)}::text[])
         AS u(id, item_id, source_id, excerpt, start, "end", quote_text, date_start, date_end, date_precision)`;
  return rows.length;
}

/** The actor pool: existing actors of the same name and kind are reused, the others created with their aliases. */
async function writeActors(
  tx: Tx,
  nextId: () => string,
  specs: ActorSpec[],
): Promise<{ actors: ActorRef[]; created: number; aliases: number }> {
  const existing = await tx.$queryRaw<Array<{ id: string; name: string; kind: string }>>`
    SELECT id::text AS id, name, kind::text AS kind FROM actor
    WHERE name = ANY(${specs.map((s) => s.name)}::text[]) ORDER BY id`;
  const found = new Map<string, string>();
  for (const row of existing) if (!found.has(`${row.kind} ${row.name}`)) found.set(`${row.kind} ${row.name}`, row.id);
  const actors = specs.map((spec) => ({ spec, id: found.get(`${spec.kind} ${spec.name}`) ?? nextId(), isNew: false }));
  for (const actor of actors) actor.isNew = !found.has(`${actor.spec.kind} ${actor.spec.name}`);
  const created = actors.filter((a) => a.isNew);
  const aliases = created.flatMap(({ id, spec }) => {
    const rows = new Map<string, string>();
    for (const alias of [spec.name, ...spec.aliases]) {
      const normalized = normalizeAlias(alias);
      if (normalized && !rows.has(normalized)) rows.set(normalized, alias);
    }
    // People are also found by canonical given name + surname, as the pipeline stores them.
    const key = spec.kind === 'PERSON' ? personKey(spec.name) : '';
    if (key && !rows.has(key)) rows.set(key, spec.name);
    return [...rows].map(([normalized, alias]) => ({ id: nextId(), actorId: id, alias, normalized }));
  });
  if (created.length > 0) {
    await tx.$executeRaw`
      INSERT INTO actor (id, name, kind, description, updated_at)
      SELECT u.id, u.name, u.kind::"ActorKind", u.description, now()
      FROM unnest(${created.map((a) => a.id)}::uuid[], ${created.map((a) => a.spec.name)}::text[],
                  ${created.map((a) => a.spec.kind)}::text[], ${created.map((a) => a.spec.description)}::text[])
           AS u(id, name, kind, description)`;
    await tx.$executeRaw`
      INSERT INTO actor_alias (id, actor_id, alias, normalized)
      SELECT * FROM unnest(${aliases.map((a) => a.id)}::uuid[], ${aliases.map((a) => a.actorId)}::uuid[],
                           ${aliases.map((a) => a.alias)}::text[], ${aliases.map((a) => a.normalized)}::text[])
      ON CONFLICT DO NOTHING`;
  }
  return { actors: actors.map(({ id, spec }) => ({ id, spec })), created: created.length, aliases: aliases.length };
}

/** The place pool: places already known by the city's name are reused; the others come from the gazetteer. */
async function writePlaces(
  tx: Tx,
  nextId: () => string,
  names: readonly string[],
): Promise<{ places: PlaceRef[]; created: number }> {
  const normalized = names.map(normalizeAlias);
  const existing = await tx.$queryRaw<Array<{ place_id: string; normalized: string }>>`
    SELECT DISTINCT ON (normalized) place_id::text AS place_id, normalized FROM place_alias
    WHERE normalized = ANY(${normalized}::text[]) ORDER BY normalized, place_id`;
  const found = new Map(existing.map((row) => [row.normalized, row.place_id]));
  const places: PlaceRef[] = [];
  const created: Array<{
    id: string;
    alias: string;
    normalized: string;
    name: string;
    country: string | null;
    latitude: number | null;
    longitude: number | null;
  }> = [];
  names.forEach((name, i) => {
    const key = normalized[i] as string;
    const id = found.get(key);
    const city = findCity(name);
    if (id) {
      places.push({ id, name: city?.name ?? name });
      return;
    }
    const row = {
      id: nextId(),
      alias: name,
      normalized: key,
      name: city?.name ?? name,
      country: city?.country ?? null,
      latitude: city?.latitude ?? null,
      longitude: city?.longitude ?? null,
    };
    created.push(row);
    places.push({ id: row.id, name: row.name });
  });
  if (created.length > 0) {
    await tx.$executeRaw`
      INSERT INTO place (id, name, country, latitude, longitude)
      SELECT * FROM unnest(${created.map((p) => p.id)}::uuid[], ${created.map((p) => p.name)}::text[],
                           ${created.map((p) => p.country)}::text[], ${created.map((p) => p.latitude)}::float8[],
                           ${created.map((p) => p.longitude)}::float8[])`;
    await tx.$executeRaw`
      INSERT INTO place_alias (id, place_id, alias, normalized)
      SELECT gen_random_uuid(), * FROM unnest(${created.map((p) => p.id)}::uuid[], ${created.map((p) => p.alias)}::text[],
                                              ${created.map((p) => p.normalized)}::text[])`;
  }
  return { places, created: created.length };
}

export async function synthesizeTimeline(
  prisma: PrismaClient,
  options: SynthesizeTimelineOptions,
): Promise<SynthesizeTimelineResult> {
  const { seed, fromDay, toDay } = checkOptions(options);
  const total = options.items;
  const random = seededRandom(seed);
  const nextId = idMaker();
  const runLine = `run ${randomBytes(6).toString('hex')}`;

  // Pools grow with the timeline up to a few hundred actors.
  const actorSpecs = makeActors(random, {
    people: Math.min(300, Math.max(12, Math.ceil(total / 20))),
    organizations: Math.min(60, Math.max(4, Math.ceil(total / 100))),
    countries: Math.min(40, Math.max(4, Math.ceil(total / 200))),
  });
  const cityNames = CITIES.slice(0, Math.min(CITIES.length, Math.max(3, Math.ceil(total / 100))));

  // One item in a hundred has no date (its sources give none); the rest are spread evenly
  // over the span and planned in date order, so that an article reports neighbouring items.
  const undated = Math.floor(total / 100);
  const dated = total - undated;
  const spanDays = toDay - fromDay + 1;
  const days = new Int32Array(dated);
  for (let i = 0; i < dated; i++) days[i] = fromDay + Math.floor(random() * spanDays);
  days.sort();

  return prisma.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT pg_advisory_xact_lock(${INGEST_LOCK}::bigint)::text AS locked`;
      const { actors, created: actorsCreated, aliases } = await writeActors(tx, nextId, actorSpecs);
      const { places, created: placesCreated } = await writePlaces(tx, nextId, cityNames);
      const planner = new Planner(random, nextId, actors, places, fromDay, toDay);
      const result: SynthesizeTimelineResult = {
        seed,
        items: 0,
        statements: 0,
        meetings: 0,
        events: 0,
        scheduled: 0,
        undated,
        actors: actorsCreated,
        aliases,
        places: placesCreated,
        sources: 0,
        citations: 0,
        participants: 0,
      };
      for (let offset = 0; offset < total; offset += CHUNK) {
        const items: PlannedItem[] = [];
        for (let p = offset; p < Math.min(total, offset + CHUNK); p++)
          items.push(planner.item(p < dated ? (days[p] as number) : null));
        const sources = planSources(random, nextId, items, result.sources + 1, seed, runLine);
        await writeSources(tx, sources);
        await writeItems(tx, items);
        result.participants += await writeParticipants(tx, items);
        result.citations += await writeCitations(tx, sources);
        result.sources += sources.length;
        result.items += items.length;
        for (const item of items) {
          if (item.kind === 'STATEMENT') result.statements++;
          else if (item.kind === 'MEETING') result.meetings++;
          else result.events++;
          if (item.status === 'SCHEDULED') result.scheduled++;
        }
        options.onProgress?.(result.items);
      }
      // Fresh statistics, so that the first queries after a big run are planned for the
      // tables' new size (autovacuum would get there, but later); small runs leave it to autovacuum.
      if (total >= ANALYZE_FROM)
        await tx.$executeRaw`ANALYZE timeline_item, participant, citation, source, actor, actor_alias`;
      return result;
    },
    { maxWait: 60_000, timeout: 120_000 + total * 2 },
  );
}
