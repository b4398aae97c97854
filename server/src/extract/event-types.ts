/**
 * What kind of happening an event is, from its verb's base form and, for light verbs
 * ("held a vote", "signed a deal", "launched a strike"), the head noun of its object.
 * The categories are the closed set the timeline filters on; the words that select them
 * are the common English ways news names each one. Anything else is OTHER: the event is
 * kept, only its category is unknown.
 */

export const EVENT_TYPES = [
  'ANNOUNCEMENT',
  'VOTE',
  'SIGNING',
  'RULING',
  'ELECTION',
  'ATTACK',
  'DEATH',
  'ARREST',
  'RESIGNATION',
  'LAUNCH',
  'SANCTION',
  'DEAL',
  'PROTEST',
  'DISASTER',
  'OTHER',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

const byVerb: ReadonlyMap<string, EventType> = new Map(
  Object.entries({
    ANNOUNCEMENT: 'announce unveil publish issue release declare proclaim report disclose reveal introduce propose',
    VOTE: 'vote ratify approve pass veto reject confirm',
    SIGNING: 'sign',
    RULING: 'rule overturn uphold strike_down sentence convict acquit indict charge sue order block',
    ELECTION: 'elect reelect re-elect nominate',
    ATTACK: 'attack bomb shell shoot invade raid ambush assault',
    DEATH: 'die kill assassinate execute murder',
    ARREST: 'arrest detain jail imprison kidnap abduct capture seize',
    RESIGNATION: 'resign quit step_down retire oust dismiss topple',
    LAUNCH: 'launch test deploy',
    SANCTION: 'sanction impose expel ban embargo',
    DEAL: 'agree settle negotiate',
    PROTEST: 'protest march rally demonstrate strike_out boycott',
    DISASTER: 'flood burn erupt collapse crash',
  }).flatMap(([type, words]) => words.split(' ').map((w) => [w.replace('_', ' '), type as EventType] as const)),
);

const byNoun: ReadonlyMap<string, EventType> = new Map(
  Object.entries({
    ANNOUNCEMENT: 'announcement statement declaration',
    VOTE: 'vote referendum ballot',
    SIGNING: 'signing',
    RULING: 'ruling verdict decision sentence judgment indictment',
    ELECTION: 'election primary caucus runoff',
    ATTACK: 'attack strike airstrike bombing shooting raid offensive invasion',
    DEATH: 'death funeral',
    ARREST: 'arrest detention',
    RESIGNATION: 'resignation',
    LAUNCH: 'launch test missile missiles rocket rockets satellite',
    SANCTION: 'sanction sanctions tariff tariffs embargo',
    DEAL: 'deal agreement accord treaty pact truce ceasefire',
    PROTEST: 'protest protests demonstration demonstrations rally march boycott',
    DISASTER: 'earthquake hurricane flood fire storm tsunami wildfire outbreak',
  }).flatMap(([type, words]) => words.split(' ').map((w) => [w, type as EventType] as const)),
);

/**
 * The event's category: the verb decides ("signed" -> SIGNING); a verb that says
 * nothing of its own ("held", "carried out", "reached") takes its object's noun.
 */
export function eventTypeOf(verbLemma: string, objectNouns: readonly string[]): EventType {
  const verb = byVerb.get(verbLemma.toLowerCase());
  if (verb) return verb;
  for (const noun of objectNouns) {
    const type = byNoun.get(noun.toLowerCase());
    if (type) return type;
  }
  return 'OTHER';
}

/**
 * Nouns that name a happening by themselves ("the 2014 annexation", "Tuesday's attack"),
 * with their category. Nouns that name a thing as often as an event ("statement",
 * "decision", "missile", "tariffs") are left out: a nominal event needs no verb, so its
 * noun must not be ambiguous.
 */
const nominal: ReadonlyMap<string, EventType> = new Map(
  Object.entries({
    VOTE: 'vote referendum',
    SIGNING: 'signing',
    RULING: 'ruling verdict indictment conviction acquittal',
    ELECTION: 'election elections primary caucus runoff inauguration',
    ATTACK: 'attack attacks airstrike airstrikes bombing bombings shooting shootings raid invasion massacre',
    DEATH: 'death assassination execution killing killings funeral',
    ARREST: 'arrest arrests detention kidnapping abduction',
    RESIGNATION: 'resignation ouster coup',
    PROTEST: 'protest protests demonstration demonstrations boycott riot riots',
    DISASTER: 'earthquake hurricane tsunami wildfire',
    OTHER: 'annexation occupation takeover impeachment debate hearing crackdown',
  }).flatMap(([type, words]) => words.split(' ').map((w) => [w, type as EventType] as const)),
);

/** The category of a noun that names a happening by itself, or null when it may not. */
export function nominalEventType(noun: string): EventType | null {
  return nominal.get(noun.toLowerCase()) ?? null;
}
