/**
 * Resolution against the database and the writes that follow: actors by alias and name
 * variants, places from the gazetteer, statements by wording, meetings by participants,
 * date and place, events by action, actor and date. Runs inside the ingest transaction.
 * Every derived field of a touched item (date, source count, canonical quote, title) is
 * then recomputed from all its citations, so the result does not depend on arrival order.
 */

import { EARLIEST_DATE, formatFuzzyDate, LATEST_DATE } from '../extract/dates.js';
import { findCity } from '../extract/geo.js';
import { coreNameWords, normalizeAlias, personKey, surnameOf } from '../extract/names.js';
import type {
  ActorDraft,
  EventDraft,
  Extraction,
  ItemDraft,
  MeetingDraft,
  MeetingFormat,
  StatementDraft,
} from '../extract/types.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { ItemStatus } from '../generated/prisma/enums.js';
import { displayDate } from '../lib/date-display.js';
import { chooseItemDate, datesCompatible } from '../resolve/item-date.js';
import { matchMeetings, matchStatements, type StoredMeeting, type StoredStatement } from '../resolve/matching.js';
import { mergeItemsInto } from './merge-items.js';
import { reanchorUndatedSources } from './reanchor-sources.js';

type Tx = Prisma.TransactionClient;

export interface StoreExtractionOptions {
  sourceId: string;
  extraction: Extraction;
  /** Sources holding copies of this article (near-duplicates). */
  copySourceIds: string[];
}

export interface StoreExtractionResult {
  created: string[];
  corroborated: string[];
}

/** Orders candidate names: more name words, then longer, then alphabetical. */
function betterName(a: string, b: string): string {
  const wa = coreNameWords(a).length;
  const wb = coreNameWords(b).length;
  if (wa !== wb) return wa > wb ? a : b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a < b ? a : b;
}

function aliasRows(draft: ActorDraft): Array<{ alias: string; normalized: string }> {
  const rows = new Map<string, string>();
  for (const alias of [draft.name, ...draft.aliases]) {
    const normalized = normalizeAlias(alias);
    if (normalized && !rows.has(normalized)) rows.set(normalized, alias);
  }
  if (draft.kind === 'PERSON') {
    const key = personKey(draft.name);
    if (key && !rows.has(key)) rows.set(key, draft.name);
  }
  return [...rows].map(([normalized, alias]) => ({ alias, normalized }));
}

async function resolveActor(tx: Tx, draft: ActorDraft, renamed: Set<string>): Promise<string> {
  const rows = aliasRows(draft);
  const lookups = rows.map((r) => r.normalized);
  let actorId: string | null = null;
  if (draft.kind === 'PERSON') {
    const fullKeys = [
      ...new Set([draft.name, ...draft.aliases].filter((a) => coreNameWords(a).length >= 2).map(personKey)),
    ];
    if (fullKeys.length > 0) {
      const hit = await tx.actorAlias.findFirst({
        where: { normalized: { in: fullKeys }, actor: { kind: 'PERSON' } },
        select: { actorId: true },
        orderBy: { actorId: 'asc' },
      });
      actorId = hit?.actorId ?? null;
      if (!actorId) {
        // Someone stored so far under a surname only ("Trump") is this person, when the
        // surname is unambiguous.
        const surname = surnameOf(draft.name);
        const bare = await tx.actor.findMany({
          where: { kind: 'PERSON', aliases: { some: { normalized: surname } }, NOT: { name: { contains: ' ' } } },
          select: { id: true },
          take: 2,
        });
        if (bare.length === 1) actorId = (bare[0] as { id: string }).id;
      }
    } else {
      // A surname alone: the best-known person of that surname, if any.
      const surname = surnameOf(draft.name);
      const hits = await tx.$queryRaw<Array<{ actor_id: string }>>`
        SELECT a.actor_id FROM actor_alias a JOIN actor ac ON ac.id = a.actor_id
        WHERE ac.kind = 'PERSON' AND (a.normalized = ${surname} OR a.normalized LIKE ${`% ${surname}`})
        GROUP BY a.actor_id
        ORDER BY (SELECT count(*) FROM participant p WHERE p.actor_id = a.actor_id) DESC, a.actor_id
        LIMIT 1`;
      actorId = hits[0]?.actor_id ?? null;
    }
  } else {
    const hit = await tx.actorAlias.findFirst({
      where: { normalized: { in: lookups }, actor: { kind: draft.kind } },
      select: { actorId: true },
      orderBy: { actorId: 'asc' },
    });
    actorId = hit?.actorId ?? null;
  }
  if (!actorId) {
    const created = await tx.actor.create({
      data: { name: draft.name, kind: draft.kind, description: draft.description },
      select: { id: true },
    });
    actorId = created.id;
  } else {
    const actor = await tx.actor.findUniqueOrThrow({
      where: { id: actorId },
      select: { name: true, description: true },
    });
    const name = betterName(actor.name, draft.name);
    if (name !== actor.name || (!actor.description && draft.description)) {
      await tx.actor.update({
        where: { id: actorId },
        data: { name, description: actor.description ?? draft.description },
      });
    }
    if (name !== actor.name) renamed.add(actorId);
  }
  await tx.actorAlias.createMany({
    data: rows.map((r) => ({ ...r, actorId: actorId as string })),
    skipDuplicates: true,
  });
  return actorId;
}

async function resolvePlace(tx: Tx, name: string | null): Promise<string | null> {
  if (!name) return null;
  const normalized = normalizeAlias(name);
  const hit = await tx.placeAlias.findFirst({ where: { normalized }, select: { placeId: true } });
  if (hit) return hit.placeId;
  const city = findCity(name);
  const place = await tx.place.create({
    data: {
      name: city?.name ?? name,
      country: city?.country ?? null,
      latitude: city?.latitude ?? null,
      longitude: city?.longitude ?? null,
      aliases: { create: [{ alias: name, normalized }] },
    },
    select: { id: true },
  });
  return place.id;
}

/** A query bound near the ends of time, kept within the dates the database can be sent. */
function storableBound(time: number): Date {
  return new Date(Math.min(LATEST_DATE.getTime(), Math.max(EARLIEST_DATE.getTime(), time)));
}

function claimData(draft: ItemDraft) {
  return {
    dateStart: draft.date.date?.start ?? null,
    dateEnd: draft.date.date?.end ?? null,
    datePrecision: draft.date.date?.precision ?? null,
    dateBasis: draft.date.basis,
    dateExpression: draft.date.expression,
  };
}

async function addCitation(tx: Tx, itemId: string, sourceId: string, draft: ItemDraft): Promise<void> {
  await tx.citation.create({
    data: {
      itemId,
      sourceId,
      excerpt: draft.evidence.excerpt,
      start: draft.evidence.start,
      end: draft.evidence.end,
      quoteText: draft.kind === 'STATEMENT' ? draft.quote : null,
      ...claimData(draft),
    },
  });
}

async function addParticipants(
  tx: Tx,
  itemId: string,
  actorIds: string[],
  role: 'SPEAKER' | 'PARTICIPANT' | 'MENTIONED',
): Promise<void> {
  if (actorIds.length === 0) return;
  await tx.participant.createMany({
    data: [...new Set(actorIds)].map((actorId) => ({ itemId, actorId, role })),
    skipDuplicates: true,
  });
}

async function createItem(
  tx: Tx,
  draft: ItemDraft,
  fields: Partial<Prisma.TimelineItemUncheckedCreateInput>,
): Promise<string> {
  const item = await tx.timelineItem.create({
    data: {
      kind: draft.kind,
      title: 'pending',
      status: draft.status,
      confidence: draft.confidence,
      dateStart: draft.date.date?.start ?? null,
      dateEnd: draft.date.date?.end ?? null,
      datePrecision: draft.date.date?.precision ?? null,
      dateBasis: draft.date.date ? draft.date.basis : null,
      ...fields,
    },
    select: { id: true },
  });
  return item.id;
}

async function storeStatement(
  tx: Tx,
  draft: StatementDraft,
  speakerId: string,
  mentionedIds: string[],
  sourceId: string,
): Promise<{ id: string; created: boolean }> {
  const date = draft.date.date;
  const slack = 3 * 86_400_000;
  const rows = await tx.timelineItem.findMany({
    where: {
      kind: 'STATEMENT',
      speakerId,
      ...(date
        ? {
            OR: [
              { dateStart: null },
              {
                dateStart: { lt: storableBound(date.end.getTime() + slack) },
                dateEnd: { gt: storableBound(date.start.getTime() - slack) },
              },
            ],
          }
        : {}),
    },
    select: { id: true, quote: true, dateStart: true, dateEnd: true, citations: { select: { quoteText: true } } },
    take: 500,
    orderBy: { id: 'asc' },
  });
  const candidates: StoredStatement[] = rows.map((r) => ({
    id: r.id,
    quote: r.quote ?? '',
    variants: r.citations.map((c) => c.quoteText ?? '').filter(Boolean),
    dateStart: r.dateStart,
    dateEnd: r.dateEnd,
  }));
  const matches = matchStatements(draft.quote, { start: date?.start ?? null, end: date?.end ?? null }, candidates);
  const match = matches[0];
  if (match && matches.length > 1)
    await mergeItemsInto(
      tx,
      match.id,
      matches.slice(1).map((m) => m.id),
    );
  const id = match?.id ?? (await createItem(tx, draft, { speakerId, quote: draft.quote, quoteMode: draft.mode }));
  await addCitation(tx, id, sourceId, draft);
  await addParticipants(tx, id, [speakerId], 'SPEAKER');
  await addParticipants(
    tx,
    id,
    mentionedIds.filter((m) => m !== speakerId),
    'MENTIONED',
  );
  if (match && draft.mode === 'DIRECT') await tx.timelineItem.update({ where: { id }, data: { quoteMode: 'DIRECT' } });
  return { id, created: !match };
}

async function storeMeeting(
  tx: Tx,
  draft: MeetingDraft,
  participantIds: string[],
  placeId: string | null,
  sourceId: string,
): Promise<{ id: string; created: boolean }> {
  const rows = await tx.$queryRaw<
    Array<{
      id: string;
      place_id: string | null;
      date_start: Date | null;
      date_end: Date | null;
      status: ItemStatus;
      meeting_format: MeetingFormat | null;
      participant_ids: string[];
    }>
  >`
    SELECT i.id, i.place_id, i.date_start, i.date_end, i.status::text AS status,
           i.meeting_format::text AS meeting_format,
           array_agg(p.actor_id::text) AS participant_ids
    FROM timeline_item i JOIN participant p ON p.item_id = i.id AND p.role = 'PARTICIPANT'
    WHERE i.kind = 'MEETING' AND i.id IN (
      SELECT item_id FROM participant WHERE actor_id = ANY(${participantIds}::uuid[]) AND role = 'PARTICIPANT'
      GROUP BY item_id HAVING count(*) >= 2)
    GROUP BY i.id ORDER BY i.id LIMIT 200`;
  const candidates: StoredMeeting[] = rows.map((r) => ({
    id: r.id,
    participantIds: r.participant_ids,
    placeId: r.place_id,
    dateStart: r.date_start,
    dateEnd: r.date_end,
    status: r.status,
    format: r.meeting_format,
  }));
  const date = draft.date.date;
  const matches = matchMeetings(
    participantIds,
    placeId,
    { start: date?.start ?? null, end: date?.end ?? null },
    candidates,
    draft.status,
    draft.format,
  );
  const match = matches[0];
  if (match && matches.length > 1)
    await mergeItemsInto(
      tx,
      match.id,
      matches.slice(1).map((m) => m.id),
    );
  const id = match?.id ?? (await createItem(tx, draft, { placeId, meetingFormat: draft.format }));
  await addCitation(tx, id, sourceId, draft);
  await addParticipants(tx, id, participantIds, 'PARTICIPANT');
  if (match) {
    // Any report that it happened outweighs an announcement; a place fills a gap.
    const data: Prisma.TimelineItemUncheckedUpdateInput = {};
    if (draft.status === 'OCCURRED' && match.status === 'SCHEDULED') data.status = 'OCCURRED';
    if (placeId && !match.placeId) data.placeId = placeId;
    if (Object.keys(data).length > 0) await tx.timelineItem.update({ where: { id }, data });
  }
  return { id, created: !match };
}

async function storeEvent(
  tx: Tx,
  draft: EventDraft,
  actorIds: string[],
  patientIds: string[],
  sourceId: string,
): Promise<{ id: string; created: boolean }> {
  // The same happening from another source: same action, someone in common, compatible dates.
  const involved = actorIds.length > 0 ? actorIds : patientIds;
  // Nobody to have in common: a happening nobody is named in is not matched across sources.
  const rows =
    involved.length === 0
      ? []
      : await tx.timelineItem.findMany({
          where: { kind: 'EVENT', action: draft.action, participants: { some: { actorId: { in: involved } } } },
          select: { id: true, dateStart: true, dateEnd: true },
          take: 200,
          orderBy: { id: 'asc' },
        });
  const date = draft.date.date;
  const match = rows.find(
    (r) =>
      date &&
      r.dateStart &&
      datesCompatible({ start: date.start, end: date.end }, { start: r.dateStart, end: r.dateEnd }),
  );
  const id =
    match?.id ??
    (await createItem(tx, draft, { action: draft.action, eventType: draft.eventType, title: draft.title }));
  await addCitation(tx, id, sourceId, draft);
  await addParticipants(tx, id, actorIds, 'PARTICIPANT');
  if (patientIds.length > 0) await addParticipants(tx, id, patientIds, 'MENTIONED');
  return { id, created: !match };
}

const clip = (text: string, words: number) => {
  const parts = text.split(/\s+/);
  return parts.length <= words ? text : `${parts.slice(0, words).join(' ')}…`;
};

/** A statement's title: its speaker and the first words of its quote. */
export function statementTitle(speaker: string, quote: string): string {
  return `${speaker}: “${clip(quote, 14)}”`;
}

/**
 * A meeting's title: who (alphabetical), met or to meet (by phone or not), and where. A
 * postponed or cancelled meeting did not take place, so it keeps the announcement's "to meet".
 */
export function meetingTitle(
  participantNames: readonly string[],
  status: ItemStatus,
  format: string | null,
  place: string | null,
): string {
  const names = [...participantNames].sort();
  const who = names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
  const phone = format === 'PHONE';
  const verb = status !== 'OCCURRED' ? (phone ? 'to speak by phone' : 'to meet') : phone ? 'spoke by phone' : 'met';
  return `${who} ${verb}${place ? ` in ${place}` : ''}`;
}

/** Recomputes what an item derives from its citations: date, source count, quote, title. */
export async function recomputeItems(tx: Tx, itemIds: string[]): Promise<void> {
  if (itemIds.length === 0) return;
  const items = await tx.timelineItem.findMany({
    where: { id: { in: itemIds } },
    select: {
      id: true,
      kind: true,
      title: true,
      status: true,
      dateBasis: true,
      reviewState: true,
      meetingFormat: true,
      quote: true,
      speaker: { select: { name: true } },
      place: { select: { name: true } },
      participants: { where: { role: 'PARTICIPANT' }, select: { actor: { select: { name: true } } } },
      citations: {
        select: {
          quoteText: true,
          dateStart: true,
          dateEnd: true,
          datePrecision: true,
          dateBasis: true,
          source: { select: { id: true, duplicateOfId: true } },
        },
      },
    },
  });
  for (const item of items) {
    const { date, conflict } = chooseItemDate(
      item.citations.map((c) => ({
        start: c.dateStart,
        end: c.dateEnd,
        precision: c.datePrecision,
        basis: c.dateBasis,
      })),
    );
    const sourceCount = new Set(item.citations.map((c) => c.source.duplicateOfId ?? c.source.id)).size;
    const data: Prisma.TimelineItemUncheckedUpdateInput = {
      dateStart: date?.start ?? null,
      dateEnd: date?.end ?? null,
      datePrecision: date?.precision ?? null,
      dateBasis: date?.basis ?? null,
      dateConflict: conflict,
      sourceCount,
    };
    // What an editor set stays: a date they gave (basis CALLER), and the wording of an item
    // they reviewed. Source counts and conflicts still follow the citations.
    const editorDated = item.dateBasis === 'CALLER';
    const reviewed = item.reviewState !== 'UNREVIEWED';
    if (editorDated) {
      delete data.dateStart;
      delete data.dateEnd;
      delete data.datePrecision;
      delete data.dateBasis;
    }
    if (item.kind === 'STATEMENT' && !reviewed) {
      const wordings = item.citations.map((c) => c.quoteText ?? '').filter(Boolean);
      const quote = wordings.sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0] ?? item.quote ?? '';
      data.quote = quote;
      data.title = statementTitle(item.speaker?.name ?? 'Unknown', quote);
    } else if (item.kind === 'MEETING' && !reviewed) {
      const title = meetingTitle(
        item.participants.map((p) => p.actor.name),
        item.status,
        item.meetingFormat,
        item.place?.name ?? null,
      );
      data.title = title;
      // The display phrase, not the bare label: a date that is only the publication day must
      // not read as the day of the meeting.
      data.summary = date ? `${title} (${displayDate(formatFuzzyDate(date), date.precision, date.basis)}).` : null;
    }
    await tx.timelineItem.update({ where: { id: item.id }, data });
  }
}

/**
 * Whom each spokesperson or aide speaks for. Only an actor with no affiliation yet gets
 * one: the first source to give it, or an editor's choice, is never overwritten.
 */
async function storeAffiliations(
  tx: Tx,
  drafts: readonly ActorDraft[],
  actorIds: ReadonlyMap<string, string>,
): Promise<void> {
  for (const draft of drafts) {
    if (!draft.affiliationKey) continue;
    const actorId = actorIds.get(draft.key);
    const principalId = actorIds.get(draft.affiliationKey);
    if (!actorId || !principalId || actorId === principalId) continue;
    await tx.actor.updateMany({ where: { id: actorId, affiliationId: null }, data: { affiliationId: principalId } });
  }
}

export async function storeExtraction(tx: Tx, options: StoreExtractionOptions): Promise<StoreExtractionResult> {
  const { sourceId, extraction } = options;
  const actorIds = new Map<string, string>();
  const renamed = new Set<string>();
  for (const draft of extraction.actors) actorIds.set(draft.key, await resolveActor(tx, draft, renamed));
  await storeAffiliations(tx, extraction.actors, actorIds);
  const ids = (keys: string[]) => keys.map((k) => actorIds.get(k)).filter((v): v is string => Boolean(v));

  const created = new Set<string>();
  const cited = new Set<string>();
  const touched = new Set<string>();
  for (const draft of extraction.items) {
    let result: { id: string; created: boolean } | null = null;
    if (draft.kind === 'STATEMENT') {
      const speakerId = actorIds.get(draft.speakerKey);
      if (!speakerId) continue;
      result = await storeStatement(tx, draft, speakerId, ids(draft.mentionedKeys), sourceId);
    } else if (draft.kind === 'MEETING') {
      const participants = ids(draft.participantKeys);
      if (participants.length < 2) continue;
      result = await storeMeeting(tx, draft, participants, await resolvePlace(tx, draft.place), sourceId);
    } else {
      const actors = ids(draft.actorKeys);
      const patients = ids(draft.patientKeys ?? []).filter((id) => !actors.includes(id));
      // An event may have nobody named ("The virus killed 15 more people"): the passage is its record.
      result = await storeEvent(tx, draft, actors, patients, sourceId);
    }
    if (result.created) created.add(result.id);
    cited.add(result.id);
    touched.add(result.id);
  }
  // Items cited by copies of this article change source counts when the original changes.
  if (options.copySourceIds.length > 0) {
    const copied = await tx.citation.findMany({
      where: { sourceId: { in: options.copySourceIds } },
      select: { itemId: true },
      distinct: ['itemId'],
    });
    for (const c of copied) touched.add(c.itemId);
  }
  // Titles carry names: an actor's fuller name reaches every item they take part in.
  if (renamed.size > 0) {
    const involved = await tx.participant.findMany({
      where: { actorId: { in: [...renamed] }, role: { in: ['SPEAKER', 'PARTICIPANT'] } },
      select: { itemId: true },
      distinct: ['itemId'],
    });
    for (const p of involved) touched.add(p.itemId);
  }
  // Items merged away while storing are gone; recompute the rest.
  const alive = await tx.timelineItem.findMany({ where: { id: { in: [...touched] } }, select: { id: true } });
  const aliveIds = new Set(alive.map((a) => a.id));
  for (const id of [...created]) if (!aliveIds.has(id)) created.delete(id);
  for (const id of [...cited]) if (!aliveIds.has(id)) cited.delete(id);
  await recomputeItems(tx, [...aliveIds]);
  // Sources with no date of their own may now be datable through these items.
  const redated = await reanchorUndatedSources(tx, [...aliveIds]);
  if (redated.length > 0) await recomputeItems(tx, redated);
  return { created: [...created], corroborated: [...cited].filter((id) => !created.has(id)) };
}
