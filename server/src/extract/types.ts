/**
 * Drafts: what extraction finds in one article, before it is matched against the
 * database. Names are surface forms as the article gives them; resolve/ turns them into
 * actor and place rows.
 */
import type { DateBasis, FuzzyDate, SourceWarning } from '../ingest/types.js';
import type { EventType } from './event-types.js';

export type ActorKind = 'PERSON' | 'ORGANIZATION' | 'COUNTRY';
export type ItemKind = 'EVENT' | 'MEETING' | 'STATEMENT';
/** POSTPONED and CANCELLED are meetings or events announced and then put off or called off. */
export type ItemStatus = 'OCCURRED' | 'SCHEDULED' | 'POSTPONED' | 'CANCELLED';
export type QuoteMode = 'DIRECT' | 'PARTIAL' | 'UNMARKED';
export type MeetingFormat = 'IN_PERSON' | 'PHONE' | 'VIDEO' | 'UNKNOWN';

/** A person, organization or country as one article names it. */
export interface ActorDraft {
  /** Local key, unique within the article's drafts. */
  key: string;
  /** The fullest name the article gives ("Valeriy Gerasimov"). */
  name: string;
  kind: ActorKind;
  /** Every surface form seen in the article ("Gen. Valeriy Gerasimov", "Gerasimov"). */
  aliases: string[];
  /** Role or title the article gives ("Russia's top military officer"). */
  description: string | null;
  /**
   * Whom a spokesperson, aide or lawyer speaks for ("Kevin Seifert, spokesman for Paul
   * Ryan"): the key of another draft, or null.
   */
  affiliationKey: string | null;
}

/** When an item happened according to this article. */
export interface DateClaim {
  date: FuzzyDate | null;
  basis: DateBasis | null;
  /** The expression the date came from ("Thursday"), kept even when it could not be resolved. */
  expression: string | null;
}

/** The passage of the article that supports an item; offsets into Article.text. */
export interface Evidence {
  start: number;
  end: number;
  excerpt: string;
}

interface ItemDraftBase {
  evidence: Evidence;
  date: DateClaim;
  status: ItemStatus;
  /** Place name as written ("Baku"), if any. */
  place: string | null;
  /** 0..1: how sure extraction is. */
  confidence: number;
}

export interface StatementDraft extends ItemDraftBase {
  kind: 'STATEMENT';
  speakerKey: string;
  /** The quoted words, without the surrounding quotation marks; split quotes joined. */
  quote: string;
  /** Where each part of the quote is in the article text (one range per part, in order). */
  quoteParts: Array<{ start: number; end: number }>;
  mode: QuoteMode;
  /** Actors mentioned in the quote's sentence other than the speaker. */
  mentionedKeys: string[];
}

export interface MeetingDraft extends ItemDraftBase {
  kind: 'MEETING';
  participantKeys: string[];
  format: MeetingFormat;
}

export interface EventDraft extends ItemDraftBase {
  kind: 'EVENT';
  /** The actor(s) doing the action; empty when the article does not say ("Hekmati was detained"). */
  actorKeys: string[];
  /** The actor(s) it was done to, when the sentence is passive ("Hekmati" above); stored as MENTIONED. */
  patientKeys: string[];
  /** The action verb's base form ("annex", "accuse"). */
  action: string;
  /** What kind of happening it is (see event-types.ts). */
  eventType: EventType;
  title: string;
}

export type ItemDraft = StatementDraft | MeetingDraft | EventDraft;

export interface Extraction {
  actors: ActorDraft[];
  items: ItemDraft[];
  warnings: SourceWarning[];
}
