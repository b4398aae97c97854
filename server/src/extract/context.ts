/**
 * What one article says about its people and organizations: who is mentioned where,
 * under which names and roles. Built once per article, then used to decide who a
 * surname, a pronoun or a role ("the defense secretary") refers to.
 */

import { isCommonWord } from './common-words.js';
import { countryOfQualifier } from './geo.js';
import type { Mention } from './mentions.js';
import { couldBeSurname, findMentions } from './mentions.js';
import { nameEvidence } from './name-kinds.js';
import { canonicalGivenName, coreNameWords, personKey, surnameOf } from './names.js';
import { partitionPoint } from './partition-point.js';
import { parseRole, type Role, rolesMatch } from './roles.js';
import type { Sentence } from './sentences.js';
import { headWindow, tailWindow } from './text-windows.js';
import type { ActorDraft, ActorKind } from './types.js';

export interface ActorRecord extends ActorDraft {
  roles: Role[];
  surname: string;
  /** Positions (article offsets) where the actor is mentioned, ascending. */
  positions: number[];
  /** Positions where the actor is a sentence's subject, ascending. */
  subjectPositions: number[];
  /** What the article or the given name shows ("Mr.", "spokeswoman", "Angela"), if anything. */
  gender: 'MALE' | 'FEMALE' | null;
}

const maleTitle =
  /\b(?:mr|sir|king|prince|spokesman|chairman|congressman|businessman|lord|father|brother|son|husband)\b/i;
const femaleTitle =
  /\b(?:mrs|ms|miss|madam|dame|lady|queen|princess|spokeswoman|chairwoman|congresswoman|businesswoman|mother|sister|daughter|wife)\b/i;

/**
 * Marks in `text` between `from` (a sentence's start, say) and `offset`: an odd count
 * means the offset is inside a quotation.
 */
export function insideQuotation(text: string, offset: number, from = 0): boolean {
  return (text.slice(from, offset).match(/[“”"]/g)?.length ?? 0) % 2 === 1;
}

/**
 * Index of the last value below `limit` in an ascending array, or -1. Pronouns and roles
 * look back from every mention, so a scan of every earlier position would make a long
 * article cost the square of its mentions.
 */
function lastIndexBelow(sorted: readonly number[], limit: number): number {
  return partitionPoint(sorted.length, (i) => (sorted[i] as number) < limit) - 1;
}

/** Mentions arrive in text order, so this is a push but for the odd late arrival. */
function insertSorted(sorted: number[], value: number): void {
  if (sorted.length === 0 || value >= (sorted.at(-1) as number)) sorted.push(value);
  else sorted.splice(lastIndexBelow(sorted, value) + 1, 0, value);
}

const MIN_MISSPELT_SURNAME = 6;

/** Whether two different words differ by one inserted, deleted or substituted letter. */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Offices held on someone's behalf. */
const agentRole =
  '(?:(?:deputy|chief|senior|top|longtime|former|press|communications|campaign|personal|principal)\\s+){0,3}(?:spokes(?:man|woman|person)|press secretary|aide|adviser|advisor|lawyer|attorney|chief of staff|communications director)';
/** "Ryan('s) spokesman Kevin Seifert": the principal, the office, then the name. */
const principalRoleBefore = new RegExp(`^(?:['’]s)?\\s+${agentRole}\\s+$`, 'i');
/** "Kevin Seifert, a spokesman for Paul Ryan": the name, the office, "for", the principal. */
const principalRoleAfter = new RegExp(`^,\\s+(?:a|an|the)\\s+${agentRole}\\s+(?:for|to)\\s+(?:the\\s+)?$`, 'i');
/** "Seifert, Ryan's spokesman": the office after a possessive principal. */
const principalRoleFollowing = new RegExp(`^\\s+${agentRole}\\b`, 'i');

/** "Stone's wife, ", "his brother ": a kinship noun after a possessor, right before a name. */
const kinshipBefore =
  /(?:^|\s)([\p{Lu}][\p{L}.'’-]*?|his|her|His|Her)(?:['’]s)?\s+(wife|husband|son|daughter|brother|sister|mother|father|widow|widower|niece|nephew|grandson|granddaughter|grandmother|grandfather)\s*,?\s*$/u;

export interface ResolvedMention extends Mention {
  actorKey: string | null;
  sentenceIndex: number;
}

const rolePhraseBefore = /((?:\b[\p{Lu}][\p{L}.]*['’]s\s+)?(?:[\p{L}.'’-]+\s+){0,5}[\p{L}.'’-]+),\s*$/u;
const rolePhraseAfter = /^,\s+((?:the\s+|a\s+|an\s+)?(?:[\p{L}.'’-]+\s+){0,6}?[\p{L}.'’-]+?)(?=,|\.|$| who\b| and\b)/u;

export class ArticleContext {
  readonly actors = new Map<string, ActorRecord>();
  readonly mentions: ResolvedMention[][] = [];
  private readonly speakers: Array<{ key: string; position: number }> = [];

  constructor(
    readonly text: string,
    readonly sentences: Sentence[],
  ) {
    sentences.forEach((sentence, index) => {
      const found = findMentions(sentence.text, sentence.start, sentence.tokens);
      const resolved: ResolvedMention[] = [];
      let subjectTaken = false;
      for (const mention of found) {
        const actorKey = this.register(mention, sentence);
        resolved.push({ ...mention, actorKey, sentenceIndex: index });
        const record = actorKey ? this.actors.get(actorKey) : undefined;
        if (record?.kind === 'PERSON' && !record.gender) {
          record.gender = maleTitle.test(mention.title) ? 'MALE' : femaleTitle.test(mention.title) ? 'FEMALE' : null;
        }
        // A name inside quoted words is the speaker's subject, not the narration's.
        if (insideQuotation(sentence.text, mention.start - sentence.start)) continue;
        if (record?.kind !== 'PERSON' || mention.possessive) {
          if (mention.kind === 'PRONOUN' && mention.start - sentence.start < 20) subjectTaken = true;
          continue;
        }
        const before = sentence.text.slice(
          Math.max(0, mention.start - sentence.start - 12),
          mention.start - sentence.start,
        );
        const after = sentence.text.slice(mention.end - sentence.start, mention.end - sentence.start + 20);
        // A person right before a verb of speech ("..., Mortada reports") or the first
        // person of the sentence who is not the object of a preposition is its subject.
        const beforeSpeech =
          /^\s*(?:also\s+|then\s+)?(?:said|says|told|tells|reports|reported|added|wrote|asked|replied|responded)\b/.test(
            after,
          );
        // Inside reported speech ("Corrigan said Mr. Romney has momentum") a subject of
        // "is" or "has" is the reported clause's, not the narration's.
        const reported = /\b(?:said|says|told|tells|added|argued|noted|warned)\b/.test(
          sentence.text.slice(0, mention.start - sentence.start),
        );
        const beforeVerb =
          beforeSpeech || (!reported && /^\s*(?:also\s+|then\s+)?(?:was|is|has|had|will)\b/.test(after));
        const afterPreposition = /\b(?:to|with|of|by|for|about|from|on|at|against|between|and)\s+$/i.test(before);
        // The object of an opening participle is not the sentence's subject: "Describing
        // Mr Haines as a hero, he said" is someone else speaking of Haines.
        const firstToken = sentence.tokens[0];
        const opensWithParticiple = firstToken?.pos === 'VERB' && /ing$/i.test(firstToken.text);
        const firstComma = sentence.text.indexOf(',');
        const objectOfVerb = opensWithParticiple && firstComma > 0 && mention.start - sentence.start < firstComma;
        if (
          beforeVerb ||
          (!subjectTaken && !afterPreposition && !objectOfVerb && mention.start - sentence.start < 160)
        ) {
          insertSorted(record.subjectPositions, mention.start);
          subjectTaken = true;
        }
      }
      this.collectAffiliations(resolved, sentence);
      this.mentions.push(resolved);
    });
  }

  /**
   * Spokespeople, aides and lawyers with the principal they speak for: "Ryan spokesman
   * Kevin Seifert", "Kevin Seifert, a spokesman for Paul Ryan", "Seifert, Ryan's spokesman".
   * The first principal the article gives is kept.
   */
  private collectAffiliations(resolved: ResolvedMention[], sentence: Sentence): void {
    const between = (from: number, to: number) => this.text.slice(from, to);
    for (let k = 0; k < resolved.length; k += 1) {
      const m = resolved[k] as ResolvedMention;
      const record = m.actorKey ? this.actors.get(m.actorKey) : undefined;
      if (record?.kind !== 'PERSON' || record.affiliationKey || m.kind === 'PRONOUN') continue;
      const before = resolved[k - 1];
      const after = resolved[k + 1];
      let principal: string | null = null;
      if (before?.actorKey && principalRoleBefore.test(between(before.end, m.start))) principal = before.actorKey;
      else if (after?.actorKey && principalRoleAfter.test(between(m.end, after.start))) principal = after.actorKey;
      else if (after?.actorKey && after.possessive && /^,\s+$/.test(between(m.end, after.start))) {
        const rest = this.text.slice(after.end, Math.min(sentence.end, after.end + 60));
        if (principalRoleFollowing.test(rest)) principal = after.actorKey;
      }
      if (principal && principal !== record.key && !principal.startsWith('described:'))
        record.affiliationKey = principal;
    }
  }

  private newRecord(key: string, name: string, kind: ActorKind): ActorRecord {
    const record: ActorRecord = {
      key,
      name,
      kind,
      aliases: [],
      description: null,
      affiliationKey: null,
      roles: [],
      surname: surnameOf(name),
      positions: [],
      subjectPositions: [],
      gender: kind === 'PERSON' ? nameEvidence(name).gender : null,
    };
    this.actors.set(key, record);
    return record;
  }

  private findPersonBySurname(surname: string): ActorRecord | undefined {
    let found: ActorRecord | undefined;
    for (const record of this.actors.values()) {
      if (record.kind === 'PERSON' && record.surname === surname) {
        if (!found || (record.positions.at(-1) ?? 0) > (found.positions.at(-1) ?? 0)) found = record;
      }
    }
    return found;
  }

  /**
   * The one person whose surname is a single insertion, deletion or substitution away from
   * `surname`, both at least six letters long (shorter names are too often different
   * people: "Nelson", "Wilson"); none when two people would fit.
   */
  private findPersonBySurnameMisspelt(surname: string): ActorRecord | undefined {
    if (surname.length < MIN_MISSPELT_SURNAME) return undefined;
    const found = [...this.actors.values()].filter(
      (record) =>
        record.kind === 'PERSON' &&
        record.surname.length >= MIN_MISSPELT_SURNAME &&
        oneEditApart(record.surname, surname),
    );
    return found.length === 1 ? found[0] : undefined;
  }

  /**
   * A relative named by a given name after the person they are related to: "Stone's wife,
   * Nydia", "Mr Haines's brother Mike", "his wife, Melania". The family name is taken to be
   * the person's, as news writing implies when it gives no other.
   */
  private relativeNamed(mention: Mention, sentence: Sentence): ActorRecord | undefined {
    if (!/^\p{Lu}\p{Ll}+$/u.test(mention.name)) return undefined;
    const before = sentence.text.slice(
      Math.max(0, mention.start - sentence.start - 60),
      mention.start - sentence.start,
    );
    const kin = kinshipBefore.exec(before);
    if (!kin) return undefined;
    let relative: ActorRecord | undefined;
    const possessor = kin[1] as string;
    if (/^(?:his|her)$/i.test(possessor)) {
      const key = this.resolvePronoun(mention.start, this.sentences.indexOf(sentence), possessor.toLowerCase());
      relative = key ? this.actors.get(key) : undefined;
    } else {
      relative = this.findPersonBySurname(surnameOf(possessor));
    }
    if (relative?.kind !== 'PERSON') return undefined;
    const family = relative.name.split(/\s+/).at(-1) as string;
    const name = `${mention.name} ${family}`;
    const key = `person:${personKey(name)}`;
    const record = this.actors.get(key) ?? this.newRecord(key, name, 'PERSON');
    record.description ??= `${kin[2]} of ${relative.name}`;
    return record;
  }

  /**
   * An acronym the lexicon does not know is an organisation when the article spells it
   * out ("the Kurdistan Workers' Party (PKK)") or makes it speak ("KCNA said").
   */
  private acronymNamesOrganization(mention: Mention, sentence: Sentence): boolean {
    if (!/^(?:\p{Lu}\.){2,}$|^\p{Lu}{3,6}$/u.test(mention.name)) return false;
    const after = sentence.text.slice(mention.end - sentence.start, mention.end - sentence.start + 16);
    const speaks = /^\s+(?:said|says|told|reported|announced|stated|added|wrote)\b/.test(after);
    // A word in capitals ("ACTED", "CARE") names a body only when it speaks and recurs.
    if (isCommonWord(mention.name)) return speaks && this.acronymCount(mention.name) >= 2;
    if (this.text.includes(`(${mention.name})`)) return true;
    // One the story keeps coming back to ("the IOC's decision", "IOC officials") is a party to it.
    if (this.acronymCount(mention.name) >= 3) return true;
    return speaks;
  }

  private readonly acronymCounts = new Map<string, number>();

  /** How often the article uses an acronym; counted once per acronym, not per mention. */
  private acronymCount(acronym: string): number {
    let count = this.acronymCounts.get(acronym);
    if (count === undefined) {
      count = this.text.match(new RegExp(`\\b${acronym.replace(/\./g, '\\.')}(?![\\p{L}])`, 'gu'))?.length ?? 0;
      this.acronymCounts.set(acronym, count);
    }
    return count;
  }

  /** Adds a mention to the registry; returns the actor key it refers to, if any. */
  private register(mention: Mention, sentence: Sentence): string | null {
    let record: ActorRecord | undefined;
    if (mention.kind === 'UNKNOWN' && this.acronymNamesOrganization(mention, sentence)) {
      mention = { ...mention, kind: 'ORGANIZATION' };
    }
    if (mention.kind === 'PERSON' || mention.kind === 'UNKNOWN') {
      const words = coreNameWords(mention.name);
      if (words.length === 0) return null;
      const key = `person:${personKey(mention.name)}`;
      record = this.actors.get(key);
      if (!record && words.length === 1) record = this.findPersonBySurname(surnameOf(mention.name));
      // "Ostranger" for "Barry Ostrager": a misspelt surname, one letter off a long one.
      if (!record && words.length === 1) record = this.findPersonBySurnameMisspelt(surnameOf(mention.name));
      if (!record && words.length > 1) {
        // "Joseph Dunford Jr." after "Joseph Dunford"; "Jim" after "James" (same canonical key).
        const surname = surnameOf(mention.name);
        const given = canonicalGivenName(words[0] as string);
        for (const candidate of this.actors.values()) {
          if (candidate.kind !== 'PERSON' || candidate.surname !== surname) continue;
          const candidateWords = coreNameWords(candidate.name);
          if (candidateWords.length === 1 || canonicalGivenName(candidateWords[0] as string) === given) {
            record = candidate;
            break;
          }
        }
      }
      if (!record && mention.kind === 'UNKNOWN' && words.length <= 3) {
        // A lone surname that speaks ("...,” Trump told reporters; said Trump) is a person,
        // and so is a full name the lexicon does not know ("said Raj Shah") when each of
        // its words could be a name.
        const nameWords = mention.name.split(/\s+/);
        if (
          nameWords.every((w) => /^\p{Lu}/u.test(w) && couldBeSurname(w)) &&
          // "Business said", "Federalist reports": an ordinary word is no one's surname
          // unless the article names someone by it in full (found above).
          !(
            words.length === 1 &&
            isCommonWord(mention.name) &&
            !nameEvidence(mention.name).person &&
            !this.usedOnlyAsName(mention.name)
          ) &&
          // A given name alone ("Marco said", "James said") with no one of that surname
          // (found above) is a fragment of a name the article never gives in full.
          !(words.length === 1 && nameEvidence(mention.name).givenName) &&
          this.speaking(mention, sentence)
        ) {
          record = this.newRecord(key, mention.name, 'PERSON');
        }
      }
      if (!record && words.length === 1) record = this.relativeNamed(mention, sentence);
      if (!record) {
        if (mention.kind === 'UNKNOWN') return null;
        record = this.newRecord(key, mention.name, 'PERSON');
      } else if (coreNameWords(mention.name).length > coreNameWords(record.name).length) {
        record.name = mention.name; // keep the fullest name
        record.surname = surnameOf(mention.name);
        record.gender ??= nameEvidence(mention.name).gender;
      }
    } else if (mention.kind === 'ORGANIZATION') {
      const key = `org:${coreNameWords(mention.name).join(' ') || mention.name.toLowerCase()}`;
      record =
        this.actors.get(key) ??
        this.organizationWrittenApart(key) ??
        this.organizationAbbreviated(mention.name) ??
        this.newRecord(key, mention.name, 'ORGANIZATION');
    } else if (mention.kind === 'PLACE' && !mention.name.includes(' ') && this.speaking(mention, sentence)) {
      // Places do not speak: "Vaughan said" after "Jessica Vaughan" is her, not the town.
      record = this.findPersonBySurname(surnameOf(mention.name));
      if (!record) return null;
    } else if (mention.kind === 'COUNTRY') {
      const country = countryOfQualifier(mention.name);
      if (!country) return null;
      const key = `country:${country.code}`;
      record = this.actors.get(key) ?? this.newRecord(key, country.name, 'COUNTRY');
    } else {
      return null;
    }
    if (!record.aliases.includes(mention.name)) record.aliases.push(mention.name);
    if (mention.text !== mention.name && !record.aliases.includes(mention.text) && mention.kind === 'PERSON')
      record.aliases.push(mention.text);
    insertSorted(record.positions, mention.start);
    if (record.kind === 'PERSON') this.collectRoles(record, mention, sentence);
    return record.key;
  }

  /**
   * A word the article writes only with its capital, at least twice inside sentences and
   * never in lower case ("Trump", "Rice"), is a name there, whatever else it may mean.
   */
  private readonly namesByUse = new Map<string, boolean>();

  private usedOnlyAsName(word: string): boolean {
    const known = this.namesByUse.get(word);
    if (known !== undefined) return known;
    const answer = this.scanUseAsName(word);
    this.namesByUse.set(word, answer);
    return answer;
  }

  private scanUseAsName(word: string): boolean {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (new RegExp(`\\b${escaped.toLowerCase()}\\b`).test(this.text)) return false;
    const inside = this.text.match(new RegExp(`[\\p{Ll},;]\\s+${escaped}\\b`, 'gu'))?.length ?? 0;
    return inside >= 2;
  }

  /** Whether a mention is in the speaker's place beside a verb of speech ("Vaughan said", "said Vaughan"). */
  private speaking(mention: Mention, sentence: Sentence): boolean {
    const after = sentence.text.slice(mention.end - sentence.start, mention.end - sentence.start + 14);
    const before = sentence.text.slice(Math.max(0, mention.start - sentence.start - 6), mention.start - sentence.start);
    return (
      /^\s+(?:said|says|told|tells|added|wrote|replied|responded|asked)\b/.test(after) || /\bsaid\s+$/.test(before)
    );
  }

  /**
   * "RFK Center" after "Robert F. Kennedy Center for Justice & Human Rights": initials for
   * the first words of an organisation named before, then the rest of its name as written.
   */
  private organizationAbbreviated(name: string): ActorRecord | undefined {
    const [initials, ...rest] = name.split(/\s+/);
    if (!initials || rest.length === 0 || !/^\p{Lu}{2,5}$/u.test(initials)) return undefined;
    for (const record of this.actors.values()) {
      if (record.kind !== 'ORGANIZATION') continue;
      const words = record.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      const spelled = words
        .slice(0, initials.length)
        .map((w) => w[0])
        .join('');
      const after = words.slice(initials.length, initials.length + rest.length);
      if (spelled === initials && after.join(' ') === rest.join(' ')) return record;
    }
    return undefined;
  }

  /** "ExxonMobil" and "Exxon Mobil", "JPMorgan" and "JP Morgan": one organisation written two ways. */
  private organizationWrittenApart(key: string): ActorRecord | undefined {
    const joined = key.replace(/\s+/g, '');
    for (const record of this.actors.values()) {
      if (record.kind === 'ORGANIZATION' && record.key.replace(/\s+/g, '') === joined) return record;
    }
    return undefined;
  }

  private addRole(record: ActorRecord, phrase: string): void {
    const role = parseRole(phrase);
    if (!role) return;
    if (!record.roles.some((r) => r.office === role.office && r.country === role.country)) record.roles.push(role);
    record.description ??= phrase.replace(/^(the|a|an)\s+/i, '').trim();
  }

  private collectRoles(record: ActorRecord, mention: Mention, sentence: Sentence): void {
    if (mention.title) {
      const titleRole = parseRole(mention.title);
      if (titleRole) {
        if (mention.titleCountry && !titleRole.country) titleRole.country = mention.titleCountry;
        if (!record.roles.some((r) => r.office === titleRole.office && r.country === titleRole.country))
          record.roles.push(titleRole);
        record.description ??= mention.text.slice(0, mention.text.length - mention.name.length).trim() || null;
      }
    }
    const before = tailWindow(sentence.text.slice(0, mention.start - sentence.start));
    const b = rolePhraseBefore.exec(before);
    if (b?.[1] && !/[“”"]/.test(b[1])) this.addRole(record, b[1].split(/,\s*/).pop() as string);
    const after = headWindow(sentence.text.slice(mention.end - sentence.start));
    const a = rolePhraseAfter.exec(after);
    if (a?.[1] && !/^(who|which|said|says|told|and|but)\b/i.test(a[1])) this.addRole(record, a[1]);
  }

  /**
   * The organisation a reference such as "the company", "the ministry" or "it" stands for
   * at `position`: the one mentioned most recently before it, within `maxDistance`
   * characters. A head noun that names a kind of body ("the ministry") must appear in
   * the organisation's name; the general ones ("the company", "it") take any.
   */
  resolveOrganizationReference(
    head: string | null,
    position: number,
    maxDistance: number,
    options: { excluding?: RegExp | null } = {},
  ): string | null {
    let best: ActorRecord | undefined;
    let bestPosition = -1;
    for (const record of this.actors.values()) {
      if (record.kind !== 'ORGANIZATION') continue;
      if (options.excluding?.test(record.name)) continue;
      if (head && !new RegExp(`\\b${head}\\b`, 'i').test(record.name)) continue;
      const last = record.positions[lastIndexBelow(record.positions, position)] ?? -1;
      if (last < 0 || position - last > maxDistance) continue;
      if (last > bestPosition) {
        best = record;
        bestPosition = last;
      }
    }
    return best?.key ?? null;
  }

  /** The person a role mention ("the defense secretary") refers to at `position`. */
  resolveRole(phrase: string, position: number): string | null {
    const role = parseRole(phrase);
    if (!role) return null;
    let best: ActorRecord | undefined;
    let bestPosition = -1;
    for (const record of this.actors.values()) {
      if (record.kind !== 'PERSON' || !record.roles.some((held) => rolesMatch(role, held))) continue;
      const last = record.positions[lastIndexBelow(record.positions, position + 1)] ?? -1;
      const anyPosition = last >= 0 ? last : -1 - (record.positions[0] ?? 0); // mentioned only later: weaker
      if (anyPosition > bestPosition || !best) {
        best = record;
        bestPosition = anyPosition;
      }
    }
    return best?.key ?? null;
  }

  /**
   * A speaker the article describes but does not name ("the soldier said"): one actor per
   * head noun, named by the article's first indefinite description of it before `position`
   * ("a Nigerian soldier" -> "Nigerian soldier"), else by the description as written, and
   * marked unnamed in its description so it is never mistaken for a name.
   */
  ensureDescribed(description: string, head: string, position: number): string {
    const key = `described:${head.toLowerCase()}`;
    if (!this.actors.has(key)) {
      const escaped = head.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const first = new RegExp(`\\b(?:an?)\\s+((?:[\\p{L}'’.-]+\\s+){0,4}?${escaped})\\b`, 'iu').exec(
        this.text.slice(0, position),
      );
      const name = (first?.[1] ?? description).replace(/\s+/g, ' ').trim();
      const record = this.newRecord(key, name, 'PERSON');
      record.description = `unnamed: ${name}`;
      record.aliases.push(name);
    }
    return key;
  }

  /** Records whom an actor speaks for, unless the article has already said. */
  noteAffiliation(key: string, principalKey: string): void {
    const record = this.actors.get(key);
    const principal = this.actors.get(principalKey);
    if (!record || !principal || record.affiliationKey || principalKey === key) return;
    record.affiliationKey = principalKey;
    // An unnamed spokesperson goes by whom they speak for: "spokesman for State Department".
    if (key.startsWith('described:') && !record.name.includes(principal.name)) {
      record.name = `${record.name} for ${principal.name}`;
      record.description = `unnamed: ${record.name}`;
      record.aliases.push(record.name);
    }
  }

  /** An organization named only by an acronym in a group ("NATO generals"). */
  ensureOrganization(name: string): string {
    const key = `org:${name.toLowerCase()}`;
    if (!this.actors.has(key)) this.newRecord(key, name, 'ORGANIZATION').aliases.push(name);
    return key;
  }

  noteSpeaker(key: string, position: number): void {
    this.speakers.push({ key, position });
  }

  lastSpeakerBefore(position: number): string | null {
    for (let i = this.speakers.length - 1; i >= 0; i -= 1) {
      const s = this.speakers[i] as { key: string; position: number };
      if (s.position <= position) return s.key;
    }
    return null;
  }

  /**
   * Who "he" or "she" at `position` most likely is: the person most recently the subject
   * of a sentence, or the most recent speaker, within this and the two paragraphs before.
   */
  resolvePronoun(position: number, sentenceIndex: number, pronoun?: string): string | null {
    const sentence = this.sentences[sentenceIndex];
    if (!sentence) return null;
    const wanted = /^(?:he|him|his)$/i.test(pronoun ?? '')
      ? 'MALE'
      : /^(?:she|her|hers)$/i.test(pronoun ?? '')
        ? 'FEMALE'
        : null;
    // "she" is not a man the article or his given name shows to be one.
    const fits = (key: string): boolean => {
      const gender = this.actors.get(key)?.gender;
      return !wanted || !gender || gender === wanted;
    };
    const firstParagraph = sentence.paragraphIndex - 2;
    // The subject of the pronoun's own sentence comes first ("Kim promised Moon ... he told").
    let own: { key: string; at: number } | null = null;
    for (const record of this.actors.values()) {
      if (record.kind !== 'PERSON' || !fits(record.key)) continue;
      const at = record.subjectPositions[lastIndexBelow(record.subjectPositions, position)];
      if (at !== undefined && at >= sentence.start && (!own || at < own.at)) own = { key: record.key, at };
    }
    if (own) return own.key;
    let best: { key: string; at: number } | null = null;
    for (const record of this.actors.values()) {
      if (record.kind !== 'PERSON' || !fits(record.key)) continue;
      const at = this.lastNearbyBefore(record.subjectPositions, position, firstParagraph);
      if (at !== null && (!best || at > best.at)) best = { key: record.key, at };
    }
    for (const speaker of this.speakers) {
      if (
        speaker.position < position &&
        fits(speaker.key) &&
        (!best || speaker.position > best.at) &&
        this.paragraphAt(speaker.position) >= firstParagraph
      ) {
        best = { key: speaker.key, at: speaker.position };
      }
    }
    if (best) return best.key;
    let latest: { key: string; at: number } | null = null;
    for (const record of this.actors.values()) {
      if (record.kind !== 'PERSON' || !fits(record.key)) continue;
      const at = record.positions[lastIndexBelow(record.positions, position)];
      if (at !== undefined && (!latest || at > latest.at)) latest = { key: record.key, at };
    }
    return latest?.key ?? null;
  }

  /** The paragraph of the sentence holding `position`, or -1 (sentences are in text order). */
  private paragraphAt(position: number): number {
    const count = partitionPoint(this.sentences.length, (i) => (this.sentences[i] as Sentence).start <= position);
    const sentence = this.sentences[count - 1];
    return sentence && position < sentence.end ? sentence.paragraphIndex : -1;
  }

  /**
   * The last of `positions` before `position` that lies in `firstParagraph` or later. Later
   * positions lie in the same or later paragraphs, so the search stops at the first
   * position that is in a sentence but too early.
   */
  private lastNearbyBefore(positions: readonly number[], position: number, firstParagraph: number): number | null {
    for (let i = lastIndexBelow(positions, position); i >= 0; i -= 1) {
      const at = positions[i] as number;
      const paragraph = this.paragraphAt(at);
      if (paragraph >= firstParagraph) return at;
      if (paragraph >= 0) return null;
    }
    return null;
  }

  mentionsIn(sentenceIndex: number): ResolvedMention[] {
    return this.mentions[sentenceIndex] ?? [];
  }
}
