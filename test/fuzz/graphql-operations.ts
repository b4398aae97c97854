/**
 * Hostile GraphQL traffic, generated from the schema. Each request is a pure function of
 * (seed, index, the ids the server handed out), so a failure found at index 1234 of a run is
 * reproduced by generating index 1234 again: no state carries from one request to the next.
 *
 * Most requests are operations built by walking the schema: random selections (nested
 * connections, inline and named fragments on interfaces), arguments as literals or
 * variables, each value valid or wrong with a per-request probability (huge strings,
 * out-of-range numbers, ids we never issued, bad dates and enum values, nulls where a value
 * is required). The rest attack the edges: nesting and alias bombs, fragment cycles and
 * fan-out, directive abuse, introspection, batching, malformed JSON, GET, content types,
 * and envelopes whose fields have the wrong shape.
 *
 * Where only one answer is right (a batch is refused, a cycle fails validation) the request
 * says so in `expect`; everything else is held to the general rules in graphql.test.ts.
 */
import { createHash } from 'node:crypto';
import {
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputObjectType,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

// ---------------------------------------------------------------------------------------
// A small seeded PRNG: deterministic across machines and Node versions, unlike Math.random.

export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: 32 bits of state, plenty to spread test cases (not for secrets). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** One entry of a table of [weight, value] pairs. */
  weighted<T>(table: ReadonlyArray<readonly [number, T]>): T {
    const total = table.reduce((sum, [weight]) => sum + weight, 0);
    let roll = this.next() * total;
    for (const [weight, value] of table) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return (table.at(-1) as readonly [number, T])[1];
  }

  /** Up to `count` distinct entries, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(this.int(0, pool.length - 1), 1)[0] as T);
    return chosen;
  }
}

/** The seed of request `index` in a run seeded with `seed` (a 32-bit hash of both). */
export function requestSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

// ---------------------------------------------------------------------------------------
// What a generated request is.

export type FuzzCategory =
  | 'query'
  | 'mutation'
  | 'deep'
  | 'aliases'
  | 'fragments'
  | 'directives'
  | 'introspection'
  | 'huge-document'
  | 'batch'
  | 'malformed-json'
  | 'get'
  | 'content-type'
  | 'variables-shape'
  | 'envelope'
  | 'oversized-body';

/** Keys the test creates; the generator only names them. */
export type KeyRole = 'EDITOR' | 'READER' | 'REVOKED';

/** No Authorization header, one of the test's keys, or a literal header value. */
export type FuzzAuth = { key: KeyRole } | { header: string } | null;

/** The one answer a request allows: an HTTP status, and/or the codes its errors may carry. */
export interface FuzzExpectation {
  status?: number;
  codes?: readonly string[];
}

export interface FuzzRequest {
  index: number;
  category: FuzzCategory;
  /** A few words on what the request tries (summaries group by category, failures show this). */
  label: string;
  method: string;
  /** '' or '?query=...' */
  search: string;
  headers: Record<string, string>;
  auth: FuzzAuth;
  body?: string;
  /** The operation and variables with long strings cut, for failure messages. */
  preview: string;
  expect?: FuzzExpectation;
}

/** Global ids the server issued, by type, and cursors it returned: values that reach real rows. */
export interface FuzzData {
  ids: Record<string, readonly string[]>;
  cursors: readonly string[];
}

/** Limits the server enforces, so that "beyond the limit" requests really are. */
export interface FuzzLimits {
  maxDepth: number;
  maxAliases: number;
}

export interface GenerateOptions {
  schema: GraphQLSchema;
  seed: number;
  index: number;
  data: FuzzData;
  limits: FuzzLimits;
}

// ---------------------------------------------------------------------------------------
// Values: valid ones that reach the services, and wrong ones of every shape.

const WORDS = [
  'Geneva',
  'Marsh',
  'Haddad',
  'minister',
  'talks',
  'border',
  'aid convoys',
  'nato dialogue',
  '-russia',
  '"exact words"',
  'Gen. Valery Gerasimov',
  'São Paulo',
  'Zoë',
  'Россия',
  '北京',
  'مرحبا',
  'e\u0301',
  'x',
];

/** Strings that have broken parsers, LIKE patterns, full-text search and logs elsewhere. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  "' OR 1=1 --",
  '"; DROP TABLE actor; --',
  "'; SELECT pg_sleep(10); --",
  '%',
  '_',
  '\\',
  '%_%\\',
  '!(&|:*',
  '"unterminated',
  '- -- ---',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Log4Shell probe, meant literally.
  '${jndi:ldap://example.invalid/a}',
  '{{7*7}}',
  '../../../../etc/passwd',
  '\u0000',
  'a\u0000b',
  '\u202eevil',
  '\ud800',
  'x\udfffy',
  '🙂🙂🙂',
  '\ufeffbom',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '__proto__',
  'constructor',
];

const BAD_DATE_TIMES = [
  '2020-02-30',
  '2021-02-29',
  '1900-02-29',
  '2020-13-01',
  '2020-00-10',
  '2020-1-1',
  '2020-01-01T24:00:00Z',
  '2020-01-01T23:60:00Z',
  '2020-01-01T00:00:60Z',
  '2020-01-01T00:00:00',
  '2020-01-01T00:00:00+24:00',
  '2020-01-01T00:00:00+05:60',
  '0000-01-01',
  '0000-01-01T00:00:00+01:00',
  '0001-01-01T00:00:00+00:01',
  '9999-12-31T23:59:59-23:59',
  '+275760-09-13T00:00:00Z',
  '-000001-01-01',
  'yesterday',
  '1580000000',
  '2020-01-01T00:00:00.1234567891Z',
  '2020-01-01T00:00:00.000Z\n',
  ' 2020-01-01',
  '２０２０-01-01',
  '2020-01-01T00:00Z ',
];

const BAD_NUMBERS: readonly unknown[] = [
  -1,
  -2_147_483_648,
  2_147_483_647,
  2_147_483_648,
  -2_147_483_649,
  201,
  1e10,
  Number.MAX_SAFE_INTEGER + 1,
  3.5,
  -0.5,
  1e308,
  '5',
  'NaN',
  '-Infinity',
  true,
  null,
  [],
  {},
];

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** A uuid from the PRNG (version 7 shape, like the server's). */
function randomUuid(rng: Random): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-7${hex(3)}-${rng.pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
}

/** 1 KB to 1 MB of one repeated chunk. */
function hugeString(rng: Random): string {
  const size = Math.min(1 << 20, Math.floor(2 ** rng.int(10, 19) * (1 + rng.next())));
  const chunk = rng.pick(['a', 'word ', '🙂', 'ß', '\\', '%', '"', '\u0000', 'Geneva talks. ', '{[(']);
  return chunk.repeat(Math.ceil(size / chunk.length)).slice(0, size);
}

const ITEM_KINDS = ['Statement', 'Meeting', 'Event'] as const;

/**
 * Which kind of id an argument wants, from where it stands: `hint` is the path of type and
 * field names down to the value (IngestArticleInput.Mutation.ingestArticle.input.text).
 */
function idKindFor(hint: string): readonly string[] {
  const field = hint.split('.').at(-1) ?? '';
  if (field.startsWith('place')) return ['Place'];
  if (field.startsWith('actor') || /MergeActorsInput|ActorAliasInput/.test(hint)) return ['Actor'];
  if (/MergeTimelineItemsInput/.test(hint)) return ITEM_KINDS;
  if (field.startsWith('source') || /DeleteSourceInput/.test(hint)) return ['Source'];
  if (/\.node\./.test(hint)) return [...ITEM_KINDS, 'Actor', 'Place', 'Source'];
  return ITEM_KINDS;
}

/** Everything a value generator needs: randomness, real ids and how often to go wrong. */
interface ValueContext {
  rng: Random;
  data: FuzzData;
  /** Probability that any one value (at any depth) is a wrong one. */
  wrong: number;
  /** Characters of huge strings this request may still carry (a 5,000-item list must not hold 5,000 MB). */
  budget: { chars: number };
}

/** A huge string while the request's budget lasts, then a short one. */
function hugeValue(ctx: ValueContext): string {
  const text = hugeString(ctx.rng);
  if (text.length > ctx.budget.chars) return text.slice(0, 64);
  ctx.budget.chars -= text.length;
  return text;
}

function realId(ctx: ValueContext, kinds: readonly string[]): string | undefined {
  const ids = kinds.flatMap((kind) => ctx.data.ids[kind] ?? []);
  return ids.length > 0 ? ctx.rng.pick(ids) : undefined;
}

function validId(ctx: ValueContext, hint: string): string {
  const { rng } = ctx;
  const kinds = idKindFor(hint);
  const id = rng.chance(0.8) ? realId(ctx, kinds) : realId(ctx, Object.keys(ctx.data.ids));
  // A well-formed id of ours that names no row: valid input, an empty answer.
  return id ?? base64url(`${rng.pick(kinds)}:${randomUuid(rng)}`);
}

function wrongId(ctx: ValueContext, hint: string): unknown {
  const { rng } = ctx;
  const real = validId(ctx, hint);
  return rng.pick<() => unknown>([
    () => 'not-an-id',
    () => randomUuid(rng),
    () => base64url('Statement:not-a-uuid'),
    () => base64url(`Nope:${randomUuid(rng)}`),
    () => base64url(`Citation:${randomUuid(rng)}`),
    () => base64url(`Actor:${randomUuid(rng)}:extra`),
    () => `${real.slice(0, -2)}${real.at(-1)}${real.at(-2)}`,
    () => `${real}==`,
    () => Buffer.from(real, 'base64url').toString('base64'),
    () => 'A'.repeat(101),
    () => real.toUpperCase(),
    () => hugeValue(ctx),
    () => rng.pick(NASTY_STRINGS),
    () => rng.int(-5, 1_000_000),
    () => 1.5,
    () => true,
  ])();
}

function validDateTime(rng: Random): string {
  const date = new Date(Date.UTC(rng.int(1990, 2030), rng.int(0, 11), rng.int(1, 28), rng.int(0, 23), rng.int(0, 59)));
  const iso = date.toISOString();
  return rng.pick([
    iso,
    iso.slice(0, 10),
    `${iso.slice(0, 19)}Z`,
    `${iso.slice(0, 19)}+03:00`,
    `${iso.slice(0, 16)}-11:30`,
    `${iso.slice(0, 23)}456789Z`,
  ]);
}

function validString(ctx: ValueContext, hint: string): string {
  const { rng } = ctx;
  if (hint.endsWith('.after') && ctx.data.cursors.length > 0 && rng.chance(0.7)) return rng.pick(ctx.data.cursors);
  if (/^IngestArticleInput\..*\.text$/.test(hint))
    return `“${rng.pick(WORDS)} will continue,” Foreign Minister Omar Haddad said on ${rng.pick(['Monday', 'Tuesday'])}.`;
  return rng.chance(0.7) ? rng.pick(WORDS) : rng.sample(WORDS, rng.int(2, 4)).join(' ');
}

/**
 * A cursor made by hand: base64url(JSON) like the server's, naming another list, an
 * impossible position or parts of the wrong type, which must be refused as input.
 */
function forgedCursor(ctx: ValueContext): string {
  const { rng } = ctx;
  const uuid = randomUuid(rng);
  const real = ctx.data.cursors.length > 0 ? rng.pick(ctx.data.cursors) : base64url('[]');
  if (rng.chance(0.15)) return `${real.slice(0, -3)}${real.slice(-2)}`;
  const parts = rng.pick<unknown>([
    ['timeline', '2020-01-01T00:00:00.000Z', uuid],
    ['timeline', null, uuid],
    ['timeline', '+010000-01-01T00:00:00.000Z', uuid],
    ['timeline', '2020-02-30T00:00:00.000Z', uuid],
    ['timeline', '2020-01-01', uuid],
    ['timeline', 5, uuid],
    ['timeline', '2020-01-01T00:00:00.000Z', 'not-a-uuid'],
    ['timeline', '2020-01-01T00:00:00.000Z', uuid.toUpperCase()],
    ['actors', 'Marsh', uuid],
    ['actors', 'x'.repeat(600), uuid],
    ['actors', 'a\u0000b', uuid],
    ['actors', "'; SELECT 1; --", uuid],
    ['actors', null, uuid],
    ['sources', '2020-01-01T00:00:00.000Z', uuid],
    ['sources', '1970-01-01T00:00:00.000Z', uuid, 'extra'],
    ['timeline'],
    {},
    'timeline',
  ]);
  return base64url(JSON.stringify(parts));
}

function wrongString(ctx: ValueContext, hint: string): unknown {
  const { rng } = ctx;
  if (hint.endsWith('.after') && rng.chance(0.6)) return forgedCursor(ctx);
  return rng.weighted<() => unknown>([
    [5, () => rng.pick(NASTY_STRINGS)],
    [3, () => hugeValue(ctx)],
    [1, () => 'x'.repeat(rng.pick([300, 301, 500, 501, 5000, 5001]))],
    [1, () => rng.pick(BAD_NUMBERS)],
    [1, () => [rng.pick(WORDS)]],
    [1, () => ({ text: rng.pick(WORDS) })],
  ])();
}

function scalarValue(name: string, ctx: ValueContext, hint: string, wrong: boolean): unknown {
  const { rng } = ctx;
  switch (name) {
    case 'ID':
      return wrong ? wrongId(ctx, hint) : validId(ctx, hint);
    case 'Int':
      // Small pages keep valid operations cheap enough to run rather than be refused.
      return wrong ? rng.pick(BAD_NUMBERS) : rng.pick([0, 1, 2, 3, 5, 10, 200, rng.int(0, 20)]);
    case 'Float':
      return wrong
        ? rng.pick(['NaN', 'Infinity', Number.POSITIVE_INFINITY, true, [1.5], '1.5'])
        : rng.next() * 360 - 180;
    case 'Boolean':
      return wrong ? rng.pick(['true', 1, 0, 'yes', [], {}]) : rng.chance(0.5);
    case 'DateTime':
      if (!wrong) return validDateTime(rng);
      return rng.chance(0.1) ? hugeValue(ctx) : rng.pick<unknown>([...BAD_DATE_TIMES, 1_580_000_000, true]);
    default:
      return wrong ? wrongString(ctx, hint) : validString(ctx, hint);
  }
}

function enumValue(type: GraphQLEnumType, ctx: ValueContext, wrong: boolean): unknown {
  const { rng } = ctx;
  const value = rng.pick(type.getValues()).name;
  if (!wrong) return value;
  return rng.pick<unknown>(['DECADE', value.toLowerCase(), ` ${value}`, '', 'PERSON', 'SPEAKER', 42, true, [value]]);
}

function inputObjectValue(type: GraphQLInputObjectType, ctx: ValueContext, hint: string): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const field of Object.values(type.getFields())) {
    const required = isNonNullType(field.type);
    if (required || ctx.rng.chance(0.5)) value[field.name] = inputValue(field.type, ctx, `${hint}.${field.name}`);
  }
  return value;
}

/** An item for a very long list: its length is the point, so each item stays small. */
function listItem(type: GraphQLInputType, ctx: ValueContext, hint: string): unknown {
  const named = getNamedType(type);
  return isInputObjectType(named) ? {} : validValue(named, ctx, hint);
}

function wrongShape(ctx: ValueContext, type: GraphQLInputType, hint: string): unknown {
  const { rng } = ctx;
  const named = getNamedType(type);
  return rng.weighted<() => unknown>([
    [3, () => null],
    // JSON.parse makes "__proto__" an own key, as a request body's parser does.
    [1, () => JSON.parse('{"nope": 1, "__proto__": {"polluted": true}}')],
    [1, () => Array.from({ length: rng.pick([101, 1000, 5000]) }, () => listItem(type, ctx, hint))],
    [1, () => [[validValue(named, ctx, hint)]]],
    [1, () => [null]],
    [1, () => rng.pick(BAD_NUMBERS)],
    [1, () => hugeValue(ctx)],
  ])();
}

/** A value that GraphQL coercion accepts for `type` (its parts may still be wrong, by ctx.wrong). */
function validValue(type: GraphQLInputType, ctx: ValueContext, hint: string): unknown {
  const { rng } = ctx;
  if (isNonNullType(type)) return validValue(type.ofType, ctx, hint);
  if (isListType(type)) {
    // A single value where a list is expected is valid GraphQL (it becomes a one-item list).
    if (rng.chance(0.1)) return inputValue(type.ofType, ctx, hint);
    return Array.from({ length: rng.int(0, 4) }, () => inputValue(type.ofType, ctx, hint));
  }
  if (isInputObjectType(type)) return inputObjectValue(type, ctx, `${type.name}.${hint}`);
  if (isEnumType(type)) return enumValue(type, ctx, false);
  return scalarValue(type.name, ctx, hint, false);
}

/** A value wrong for `type`: a wrong scalar, a wrong shape, or null where one is required. */
function wrongValue(type: GraphQLInputType, ctx: ValueContext, hint: string): unknown {
  const named = getNamedType(type);
  if (ctx.rng.chance(0.35)) return wrongShape(ctx, type, hint);
  if (isEnumType(named)) return enumValue(named, ctx, true);
  if (isScalarType(named)) return scalarValue(named.name, ctx, hint, true);
  return wrongShape(ctx, type, hint);
}

function inputValue(type: GraphQLInputType, ctx: ValueContext, hint: string): unknown {
  return ctx.rng.chance(ctx.wrong) ? wrongValue(type, ctx, hint) : validValue(type, ctx, hint);
}

// ---------------------------------------------------------------------------------------
// Printing values as GraphQL literals.

const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;

/** `value` as GraphQL source, enum names bare where `type` is an enum (GraphQL strings are JSON strings). */
function printLiteral(value: unknown, type: GraphQLInputType | undefined): string {
  const named = type ? getNamedType(type) : undefined;
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return named && isEnumType(named) && NAME.test(value) ? value : JSON.stringify(value);
  // NaN and Infinity print as bare names: enum values GraphQL must refuse for numbers.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  const inner = type && (isNonNullType(type) ? type.ofType : type);
  if (Array.isArray(value))
    return `[${value.map((item) => printLiteral(item, inner && isListType(inner) ? inner.ofType : inner)).join(', ')}]`;
  const fields = named && isInputObjectType(named) ? named.getFields() : {};
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([key]) => NAME.test(key))
    .map(([key, item]) => `${key}: ${printLiteral(item, fields[key]?.type)}`);
  return `{${entries.join(', ')}}`;
}

// ---------------------------------------------------------------------------------------
// Operations: a draft collects variables and fragments while selections are generated.

class OperationDraft {
  readonly declarations: string[] = [];
  readonly variables: Record<string, unknown> = {};
  readonly fragments: string[] = [];
  readonly ctx: ValueContext;
  private aliases = 0;

  constructor(
    readonly schema: GraphQLSchema,
    readonly rng: Random,
    data: FuzzData,
    wrong: number,
    /** Selections stop nesting at this depth. */
    readonly maxDepth: number,
  ) {
    this.ctx = { rng, data, wrong, budget: { chars: 2 * 1024 * 1024 } };
  }

  get wrong(): number {
    return this.ctx.wrong;
  }

  /** Declares a variable for `value` (as `type`, or a wrong type now and then); returns `$name`. */
  variable(type: GraphQLInputType, value: unknown): string {
    const name = `v${this.declarations.length}`;
    const declared = this.rng.chance(this.wrong * 0.15)
      ? this.rng.pick([
          'String',
          'Int!',
          'ID',
          '[ID!]',
          'Boolean',
          'TimelineFilter',
          'NoSuchType',
          'DateTime!',
          '[[Int]]',
        ])
      : String(type);
    const defaultValue = this.rng.chance(0.05) ? ` = ${printLiteral(inputValue(type, this.ctx, name), type)}` : '';
    this.declarations.push(`$${name}: ${declared}${defaultValue}`);
    // A declared variable left out of `variables`: fine when nullable, BAD_USER_INPUT when not.
    if (!this.rng.chance(this.wrong * 0.1)) this.variables[name] = value;
    return `$${name}`;
  }

  /** A response name no other field of the operation uses (two fields sharing one must agree). */
  alias(): string {
    this.aliases += 1;
    return `a${this.aliases}`;
  }

  fragment(typeName: string, selection: string): string {
    const name = `F${this.fragments.length}`;
    this.fragments.push(`fragment ${name} on ${typeName} ${selection}`);
    return name;
  }
}

/** An argument's value as a literal or a variable; input objects may mix both, field by field. */
function argumentValue(type: GraphQLInputType, value: unknown, draft: OperationDraft): string {
  const { rng } = draft;
  if (rng.chance(0.45)) return draft.variable(type, value);
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isInputObjectType(inner) && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const fields = inner.getFields();
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([key]) => NAME.test(key))
      .map(([key, item]) => {
        const fieldType = fields[key]?.type;
        return `${key}: ${fieldType ? argumentValue(fieldType, item, draft) : printLiteral(item, undefined)}`;
      });
    return `{${entries.join(', ')}}`;
  }
  return printLiteral(value, type);
}

function argumentsText(args: readonly GraphQLArgument[], draft: OperationDraft, hint: string): string {
  const { rng } = draft;
  const parts: string[] = [];
  for (const arg of args) {
    const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
    // Leaving out a required argument is a validation error: only when going wrong.
    const include = required ? !rng.chance(draft.wrong * 0.1) : rng.chance(0.5);
    if (!include) continue;
    const value = inputValue(arg.type, draft.ctx, `${hint}.${arg.name}`);
    parts.push(`${arg.name}: ${argumentValue(arg.type, value, draft)}`);
  }
  if (rng.chance(draft.wrong * 0.05)) parts.push(rng.pick(['nope: 1', 'first: 1, first: 2', `${'x'.repeat(300)}: 1`]));
  return parts.length > 0 ? `(${parts.join(', ')})` : '';
}

/** A selection that fails validation, for the occasional structural mistake. */
function brokenSelection(type: GraphQLCompositeType, draft: OperationDraft): string {
  return draft.rng.pick([
    'nope',
    '__typename { name }',
    `... on NoSuchType { id }`,
    `... on ${type.name === 'Query' ? 'Actor' : 'Query'} { __typename }`,
    '...MissingFragment',
    'id(first: 1)',
    '$v',
    `${'f'.repeat(2000)}`,
  ]);
}

function fieldSelection(field: GraphQLField<unknown, unknown>, parent: string, depth: number, draft: OperationDraft) {
  const { rng } = draft;
  const alias = rng.chance(0.08) ? `${draft.alias()}: ` : '';
  const args = argumentsText(field.args, draft, `${parent}.${field.name}`);
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return `${alias}${field.name}${args}`;
  return `${alias}${field.name}${args} ${selectionSet(named, depth + 1, draft)}`;
}

function fieldsOf(type: GraphQLNamedType): Array<GraphQLField<unknown, unknown>> {
  return isObjectType(type) || isInterfaceType(type) ? Object.values(type.getFields()) : [];
}

/** `{ ... }` for `type` at `depth`: a few fields, inline fragments on abstract types, maybe a named fragment. */
function selectionSet(type: GraphQLCompositeType, depth: number, draft: OperationDraft): string {
  const { rng, schema } = draft;
  const fields = fieldsOf(type);
  // At the depth limit only leaves are chosen, so the selection stops here.
  const choices = depth >= draft.maxDepth ? fields.filter((f) => isLeafType(getNamedType(f.type))) : fields;
  const parts = rng.sample(choices, rng.int(1, 4)).map((field) => fieldSelection(field, type.name, depth, draft));
  if (isAbstractType(type) && depth < draft.maxDepth) {
    for (const possible of rng.sample(schema.getPossibleTypes(type), rng.int(0, 2)))
      parts.push(`... on ${possible.name} ${selectionSet(possible, depth, draft)}`);
  }
  if (rng.chance(draft.wrong * 0.08)) parts.push(brokenSelection(type, draft));
  if (parts.length === 0 || rng.chance(0.1)) parts.push('__typename');
  const selection = `{ ${parts.join(' ')} }`;
  return rng.chance(0.12) ? `{ ...${draft.fragment(type.name, selection)} }` : selection;
}

function documentText(draft: OperationDraft, operationType: string, name: string, selection: string): string {
  const declarations = draft.declarations.length > 0 ? `(${draft.declarations.join(', ')})` : '';
  const head = name || declarations ? `${operationType} ${name}${declarations}` : operationType;
  return [`${head} ${selection}`, ...draft.fragments].join('\n');
}

// ---------------------------------------------------------------------------------------
// Request envelopes and previews.

const JSON_HEADERS = { 'content-type': 'application/json' } as const;

/** Long strings cut to a readable length, so a failure message shows the shape, not 1 MB. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…(${text.length} chars)`;
}

function previewValue(value: unknown): string {
  const seen = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'string') return shorten(v, 80);
    if (Array.isArray(v) && v.length > 12) return [...v.slice(0, 12), `…(${v.length} items)`];
    return v;
  });
  return shorten(seen ?? 'undefined', 1_500);
}

function previewQuery(query: string): string {
  // Literal strings of any length become their first 60 characters.
  return shorten(query.replace(/"((?:[^"\\]|\\.){60})(?:[^"\\]|\\.)*"/g, '"$1…"'), 1_500);
}

interface OperationBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
  extensions?: unknown;
}

function previewBody(body: OperationBody): string {
  const query = typeof body.query === 'string' ? previewQuery(body.query) : previewValue(body.query);
  const rest = { ...body, query: undefined };
  return `${query}\n  with ${previewValue(rest)}`;
}

/** Who asks: mostly nobody, sometimes one of the test's keys, sometimes a broken header. */
function randomAuth(rng: Random, editorShare: number): FuzzAuth {
  return rng.weighted<FuzzAuth>([
    [1 - editorShare, null],
    [editorShare, { key: 'EDITOR' }],
    [0.06, { key: 'READER' }],
    [0.03, { key: 'REVOKED' }],
    [0.02, { header: 'Bearer pk_not-a-real-key' }],
    [0.01, { header: 'Basic dXNlcjpwYXNz' }],
    [0.01, { header: `Bearer pk_${'k'.repeat(5000)}` }],
    [0.01, { header: 'Bearer a b c' }],
    [0.01, { header: 'Bearer' }],
  ]);
}

interface PostOptions {
  index: number;
  category: FuzzCategory;
  label: string;
  body: OperationBody;
  auth: FuzzAuth;
  expect?: FuzzExpectation;
}

function postRequest({ index, category, label, body, auth, expect }: PostOptions): FuzzRequest {
  return {
    index,
    category,
    label,
    method: 'POST',
    search: '',
    headers: { ...JSON_HEADERS },
    auth,
    body: JSON.stringify(body),
    preview: previewBody(body),
    ...(expect ? { expect } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// The categories.

interface Generation {
  schema: GraphQLSchema;
  rng: Random;
  index: number;
  data: FuzzData;
  limits: FuzzLimits;
  /** In the opening rounds, which case of a category's list to take (see generateRequest). */
  variant: number | undefined;
}

/** Case number `variant` in the opening rounds, a random one after. */
function chooseCase<T>(g: Generation, cases: readonly T[]): T {
  return g.variant === undefined ? g.rng.pick(cases) : (cases[g.variant % cases.length] as T);
}

/** How wrong a request's values are: a third all valid (to reach the data), the rest mixed. */
function wrongness(rng: Random): number {
  return rng.weighted([
    [3, 0],
    [3, 0.1],
    [2, 0.3],
    [1, 0.8],
  ]);
}

function rootType(schema: GraphQLSchema, operation: 'query' | 'mutation'): GraphQLObjectType {
  const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  if (!type) throw new Error(`The schema has no ${operation} type`);
  return type;
}

function randomQuery(g: Generation): FuzzRequest {
  const { rng, schema } = g;
  const draft = new OperationDraft(schema, rng, g.data, wrongness(rng), rng.int(1, 6));
  const selection = selectionSet(rootType(schema, 'query'), 1, draft);
  // Subscriptions: the schema has none, which the server must say as a client error.
  const subscription = rng.chance(0.03);
  const name = rng.chance(0.3) ? `Op${rng.int(0, 99)}` : '';
  let text = documentText(draft, subscription ? 'subscription' : 'query', name, selection);
  let operationName: string | undefined = name && rng.chance(0.5) ? name : undefined;
  const twoOperations = rng.chance(0.05);
  if (twoOperations) {
    // A second operation: the request must then name the one to run (or fail to).
    text += '\nquery Other { __typename }';
    operationName = rng.pick([name || undefined, 'Other', 'Missing', undefined]);
  }
  const body: OperationBody = { query: text, variables: draft.variables };
  if (operationName !== undefined) body.operationName = operationName;
  if (rng.chance(0.05)) body.variables = { ...draft.variables, undeclared: hugeString(rng) };
  // Whatever else is wrong with it, a lone subscription never runs.
  const expect: FuzzExpectation | undefined =
    subscription && !twoOperations
      ? { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED'] }
      : undefined;
  return postRequest({
    index: g.index,
    category: 'query',
    label: subscription ? 'subscription' : `query (wrong ${draft.wrong})`,
    body,
    auth: randomAuth(rng, 0.1),
    ...(expect ? { expect } : {}),
  });
}

/**
 * A mutation. All-valid ones without an EDITOR key have exactly one right answer (the
 * guard's), so they select only `__typename` of the payload, where no two fields can
 * conflict; editors get through to the services, with real ids now and then.
 */
function randomMutation(g: Generation): FuzzRequest {
  const { rng, schema } = g;
  const wrong = wrongness(rng);
  const auth = randomAuth(rng, 0.5);
  const guard = wrong === 0 ? guardExpectation(auth) : null;
  const draft = new OperationDraft(schema, rng, g.data, wrong, guard ? 1 : rng.int(1, 3));
  const mutation = rootType(schema, 'mutation');
  const fields = rng.sample(Object.values(mutation.getFields()), rng.chance(0.9) ? 1 : 2);
  const selection = `{ ${fields.map((field) => fieldSelection(field, 'Mutation', 1, draft)).join(' ')} }`;
  const text = documentText(draft, 'mutation', rng.chance(0.3) ? 'Change' : '', selection);
  return postRequest({
    index: g.index,
    category: 'mutation',
    label: `${fields.map((f) => f.name).join('+')} as ${describeAuth(auth)} (wrong ${wrong})`,
    body: { query: text, variables: draft.variables },
    auth,
    ...(guard ? { expect: guard } : {}),
  });
}

function describeAuth(auth: FuzzAuth): string {
  if (auth === null) return 'anonymous';
  return 'key' in auth ? auth.key : 'a broken header';
}

/** What the EDITOR guard answers a caller who is not one; null for an editor. */
function guardExpectation(auth: FuzzAuth): FuzzExpectation | null {
  if (auth !== null && 'key' in auth && auth.key === 'EDITOR') return null;
  const code = auth !== null && 'key' in auth && auth.key === 'READER' ? 'FORBIDDEN' : 'UNAUTHENTICATED';
  return { status: 200, codes: [code] };
}

/** For each composite type, how deep a selection can go from it (capped): cycles go on forever. */
function reachableDepths(schema: GraphQLSchema, cap: number): Map<string, number> {
  const composite = Object.values(schema.getTypeMap()).filter(
    (t) => (isObjectType(t) || isInterfaceType(t)) && !t.name.startsWith('__'),
  );
  const depths = new Map<string, number>(composite.map((t) => [t.name, 0]));
  for (let round = 0; round < cap; round++) {
    for (const type of composite) {
      const best = Math.max(0, ...fieldsOf(type).map((f) => (depths.get(getNamedType(f.type).name) ?? -1) + 1));
      depths.set(type.name, Math.min(cap, best));
    }
  }
  return depths;
}

/** A path of fields deeper than the limit (otherwise valid), through the schema's cycles. */
function deepSelection(g: Generation, depth: number): string {
  const depths = reachableDepths(g.schema, depth + 1);
  let type: GraphQLNamedType = rootType(g.schema, 'query');
  const path: string[] = [];
  for (let level = 0; level < depth; level++) {
    const remaining = depth - level - 1;
    const onward: Array<GraphQLField<unknown, unknown>> = fieldsOf(type).filter(
      (f) => isCompositeType(getNamedType(f.type)) && (depths.get(getNamedType(f.type).name) ?? 0) >= remaining,
    );
    // Required arguments would add validation errors; only node(id) and timelineBuckets have them.
    const usable = onward.filter((f) => f.args.every((a) => !isNonNullType(a.type)));
    const field: GraphQLField<unknown, unknown> = g.rng.pick(usable.length > 0 ? usable : onward);
    path.push(field.args.some((a) => a.name === 'first') ? `${field.name}(first: 1)` : field.name);
    type = getNamedType(field.type);
  }
  // `{ a { b { c { __typename } } } }`: one brace pair per field, plus the operation's.
  return `{ ${path.join(' { ')} { __typename }${' }'.repeat(path.length - 1)} }`;
}

function deepQuery(g: Generation): FuzzRequest {
  const { rng } = g;
  const depth =
    g.limits.maxDepth +
    rng.weighted([
      [5, rng.int(1, 5)],
      [2, rng.int(10, 40)],
      [1, rng.int(100, 300)],
    ]);
  let selection = deepSelection(g, depth);
  // The same depth hidden behind a named fragment or an inline fragment.
  const hidden = rng.weighted([
    [3, 'fragment'],
    [2, 'inline fragment'],
    [5, 'none'],
  ]);
  if (hidden === 'fragment') selection = `{ ...Deep }\nfragment Deep on Query ${selection}`;
  if (hidden === 'inline fragment') selection = `{ ... on Query ${selection} }`;
  return postRequest({
    index: g.index,
    category: 'deep',
    label: `nested ${depth} levels`,
    body: { query: selection },
    auth: randomAuth(g.rng, 0.1),
    expect: { status: 400, codes: ['QUERY_TOO_COMPLEX'] },
  });
}

function aliasBomb(g: Generation): FuzzRequest {
  const { rng } = g;
  const count =
    g.limits.maxAliases +
    rng.weighted([
      [3, rng.int(1, 50)],
      [3, rng.int(100, 1000)],
      [1, rng.int(2000, 5000)],
    ]);
  const target = rng.pick([
    '__typename',
    'serverInfo { version }',
    'timeline(first: 1) { totalCount }',
    'node(id: "x") { id }',
  ]);
  const aliases = Array.from({ length: count }, (_, i) => `a${i}: ${target}`);
  const inFragment = rng.chance(0.3);
  const query = inFragment
    ? `{ ...Bomb }\nfragment Bomb on Query { ${aliases.join(' ')} }`
    : `{ ${aliases.join(' ')} }`;
  return postRequest({
    index: g.index,
    category: 'aliases',
    label: `${count} aliases of ${target.split(/[ ({]/)[0]}${inFragment ? ' in a fragment' : ''}`,
    body: { query },
    auth: randomAuth(rng, 0.1),
    expect: { status: 400, codes: ['QUERY_TOO_COMPLEX'] },
  });
}

/** Fragment cycles (always a validation error) and fan-out (2^n expansions from n lines). */
function fragmentAbuse(g: Generation): FuzzRequest {
  const { rng } = g;
  const kind = chooseCase(g, ['fan-out', 'long-cycle', 'mutual', 'self', 'wide', 'unknown', 'unused']);
  let query: string;
  let expect: FuzzExpectation | undefined = { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] };
  switch (kind) {
    case 'self':
      query = '{ ...A }\nfragment A on Query { serverInfo { version } ...A }';
      break;
    case 'mutual':
      query =
        '{ timeline(first: 1) { nodes { ...A } } }\nfragment A on TimelineItem { id ...B }\nfragment B on TimelineItem { title ...A }';
      break;
    case 'long-cycle': {
      const n = rng.int(3, 200);
      const fragments = Array.from(
        { length: n },
        (_, i) => `fragment C${i} on Query { __typename ...C${(i + 1) % n} }`,
      );
      query = `{ ...C0 }\n${fragments.join('\n')}`;
      break;
    }
    case 'fan-out': {
      // Each fragment spreads the next one several times: no cycle, but at least 2^16
      // expansions from a few KB of text, far beyond any limit.
      const n = rng.int(16, 60);
      const spreads = rng.int(2, 4);
      const fragments = Array.from(
        { length: n },
        (_, i) => `fragment L${i} on Query { serverInfo { version } ${`...L${i + 1} `.repeat(spreads)}}`,
      );
      query = `{ ...L0 }\n${fragments.join('\n')}\nfragment L${n} on Query { __typename }`;
      expect = { status: 400, codes: ['QUERY_TOO_COMPLEX'] };
      break;
    }
    case 'wide':
      query = `{ ${'...W '.repeat(rng.int(100, 5000))}}\nfragment W on Query { serverInfo { version } }`;
      expect = undefined;
      break;
    case 'unknown':
      query = `{ ...Nowhere${rng.int(0, 9)} }`;
      break;
    default:
      query = '{ __typename }\nfragment Unused on Query { __typename }';
  }
  return postRequest({
    index: g.index,
    category: 'fragments',
    label: kind,
    body: { query },
    auth: randomAuth(rng, 0.1),
    ...(expect ? { expect } : {}),
  });
}

function directiveAbuse(g: Generation): FuzzRequest {
  const { rng } = g;
  const invalid: FuzzExpectation = { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] };
  const badInput: FuzzExpectation = { status: 400, codes: ['BAD_USER_INPUT'] };
  const cases: Array<[string, string, unknown, FuzzExpectation | undefined]> = [
    ['string for Boolean!', 'query($b: Boolean!) { serverInfo @skip(if: $b) { version } }', { b: 'true' }, badInput],
    ['missing Boolean!', 'query($b: Boolean!) { serverInfo @include(if: $b) { version } }', {}, badInput],
    ['include with a string', '{ serverInfo @include(if: "yes") { version } }', undefined, invalid],
    ['duplicated skip', '{ serverInfo @skip(if: true) @skip(if: false) { version } }', undefined, invalid],
    ['unknown directive', '{ serverInfo @cached(ttl: 60) { version } }', undefined, invalid],
    [
      'variable of the wrong type',
      'query($b: String) { serverInfo @skip(if: $b) { version } }',
      { b: 'true' },
      invalid,
    ],
    ['skip on the operation', 'query @skip(if: true) { serverInfo { version } }', undefined, invalid],
    ['a thousand skips', `{ __typename ${'@skip(if: false) '.repeat(1000)}}`, undefined, invalid],
    [
      'valid skip and include',
      'query($b: Boolean!) { a: serverInfo @skip(if: $b) { version } b: serverInfo @include(if: $b) { extractorVersion } }',
      { b: rng.chance(0.5) },
      undefined,
    ],
    ['null for Boolean!', 'query($b: Boolean!) { serverInfo @include(if: $b) { version } }', { b: null }, badInput],
    ['include without if', '{ serverInfo @include { version } }', undefined, invalid],
    ['deprecated in a query', '{ serverInfo @deprecated { version } }', undefined, invalid],
    [
      'skip on a fragment definition',
      '{ ...S }\nfragment S on Query @skip(if: true) { __typename }',
      undefined,
      invalid,
    ],
    ['many unknown arguments', `{ __typename @include(if: true, ${'x: 1, '.repeat(500)}) }`, undefined, invalid],
    [
      'include on a fragment spread',
      '{ ...S @include(if: false) ... @skip(if: true) { __typename } }\nfragment S on Query { __typename }',
      undefined,
      undefined,
    ],
  ];
  const [label, query, variables, expect] = chooseCase(g, cases);
  return postRequest({
    index: g.index,
    category: 'directives',
    label,
    body: variables === undefined ? { query } : { query, variables },
    auth: randomAuth(rng, 0.1),
    ...(expect ? { expect } : {}),
  });
}

function introspectionAbuse(g: Generation): FuzzRequest {
  const { rng } = g;
  const levels = rng.int(2, 30);
  const ofTypes = `${'ofType { '.repeat(levels)}name${' }'.repeat(levels)}`;
  // A function where the query is large: only the chosen case is built.
  const cases: Array<[string, string | (() => string), FuzzExpectation | undefined]> = [
    [
      'full schema',
      '{ __schema { types { name kind fields { name args { name type { name } } type { name } } } } }',
      undefined,
    ],
    [
      'fields of fields',
      '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }',
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] },
    ],
    [
      'possibleTypes cycle',
      '{ __type(name: "Node") { possibleTypes { interfaces { possibleTypes { interfaces { name } } } } } }',
      { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] },
    ],
    [`ofType ${levels} deep`, `{ __type(name: "Actor") { fields { type { ${ofTypes} } } } }`, undefined],
    ['__type of a huge name', () => `{ __type(name: ${JSON.stringify(hugeString(rng))}) { name } }`, undefined],
    ['__type of a number', '{ __type(name: 5) { name } }', { status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] }],
    ['__typename on a mutation', 'mutation { __typename }', undefined],
  ];
  const [label, query, expect] = chooseCase(g, cases);
  return postRequest({
    index: g.index,
    category: 'introspection',
    label,
    body: { query: typeof query === 'function' ? query() : query },
    auth: randomAuth(rng, 0.1),
    ...(expect ? { expect } : {}),
  });
}

function hugeDocument(g: Generation): FuzzRequest {
  const { rng } = g;
  const n = rng.pick([1_000, 10_000, 100_000]);
  const cases: Array<[string, () => string]> = [
    ['many __typename', () => `{ ${'__typename '.repeat(n)}}`],
    ['many identical fields', () => `{ ${'serverInfo { version } '.repeat(Math.min(n, 20_000))}}`],
    [
      'unused variables',
      () => `query(${Array.from({ length: Math.min(n, 5_000) }, (_, i) => `$u${i}: Int`).join(', ')}) { __typename }`,
    ],
    ['long field name', () => `{ ${'f'.repeat(n * 10)} }`],
    ['unclosed braces', () => `{ serverInfo ${'{ version '.repeat(n)}`],
    ['nested list literal', () => `{ timeline(filter: { kinds: ${'['.repeat(n)}${']'.repeat(n)} }) { totalCount } }`],
    ['comments and commas', () => `{ ${'# comment\n,,,, '.repeat(n)}__typename }`],
    [
      'many arguments',
      () =>
        `{ timeline(${Array.from({ length: Math.min(n, 5_000) }, (_, i) => `a${i}: ${i}`).join(', ')}) { totalCount } }`,
    ],
    ['null bytes', () => `{ __typename \u0000 }`],
  ];
  const [label, make] = chooseCase(g, cases);
  return postRequest({ index: g.index, category: 'huge-document', label, body: { query: make() }, auth: null });
}

function batch(g: Generation): FuzzRequest {
  const { rng } = g;
  const count = chooseCase(g, [2, 0, 1, 10, 1000]);
  const operations = Array.from({ length: count }, (_, i) => ({ query: `query B${i} { serverInfo { version } }` }));
  const body = JSON.stringify(operations);
  return {
    index: g.index,
    category: 'batch',
    label: `${count} operations in one body`,
    method: 'POST',
    search: '',
    headers: { ...JSON_HEADERS },
    auth: randomAuth(rng, 0.2),
    body,
    preview: shorten(body, 300),
    expect: { status: 400, codes: ['BAD_REQUEST'] },
  };
}

/** A body that is not JSON at all, though it says it is. */
function malformedJson(g: Generation): FuzzRequest {
  const { rng } = g;
  const valid = JSON.stringify({ query: '{ timeline(first: 2) { nodes { id title } } }', variables: { a: [1, 2] } });
  const body = rng.pick<() => string>([
    () => valid.slice(0, rng.int(1, valid.length - 1)),
    () => `${valid}}`,
    () => `${valid}\n${valid}`,
    () => valid.replaceAll('"', "'"),
    () => `\ufeff${valid}`,
    () => '{"query": "{ __typename }", "variables": {"a": NaN}}',
    () => '{"query": "{ __typename }" /* comment */}',
    () => '{"query": "\\x41"}',
    () => `{"query": "${'\\'.repeat(3)}"}`,
    () => '{'.repeat(rng.int(1, 100_000)),
    () => '\u0000\u0001\u0002',
    () => 'undefined',
  ])();
  return {
    index: g.index,
    category: 'malformed-json',
    label: 'not JSON',
    method: 'POST',
    search: '',
    headers: { ...JSON_HEADERS },
    auth: null,
    body,
    preview: shorten(body, 300),
    expect: { status: 400, codes: ['BAD_USER_INPUT'] },
  };
}

/** Apollo refuses these with a 400 and no code of its own; formatError names them BAD_REQUEST. */
const APOLLO_REFUSAL: FuzzExpectation = {
  status: 400,
  codes: ['BAD_REQUEST'],
};

const MISMATCHED_PERSISTED_QUERY = '{"persistedQuery":{"version":1,"sha256Hash":"abc"}}';

interface GetShape {
  preflight: boolean;
  mutation: boolean;
  /** One query parameter, variables absent or a JSON object, no extensions. */
  plain: boolean;
  accept: boolean;
  long: boolean;
  extensions: string | undefined;
}

/** What a GET must answer, when only one answer is right. */
function getExpectation(shape: GetShape): FuzzExpectation | undefined {
  if (shape.accept || shape.long) return undefined;
  // No preflight header and no content-type: a browser could send it cross-site (CSRF).
  if (!shape.preflight) return { status: 400, codes: ['BAD_REQUEST'] };
  if (shape.mutation && shape.plain) return { status: 405, codes: ['BAD_REQUEST'] };
  if (shape.extensions === MISMATCHED_PERSISTED_QUERY) return APOLLO_REFUSAL;
  return undefined;
}

function getRequest(g: Generation): FuzzRequest {
  const { rng } = g;
  const draft = new OperationDraft(g.schema, rng, g.data, wrongness(rng), rng.int(1, 4));
  const selection = selectionSet(rootType(g.schema, 'query'), 1, draft);
  const mutation = rng.chance(0.15);
  const query = mutation
    ? 'mutation { deleteSource(input: { id: "x" }) { deletedId } }'
    : documentText(draft, 'query', '', selection);
  const params = new URLSearchParams();
  const hasQuery = !rng.chance(0.05);
  if (hasQuery) params.set('query', query);
  const variables = rng.weighted<string | undefined>([
    [6, JSON.stringify(draft.variables)],
    [1, '{not json'],
    [1, '[1,2]'],
    [1, undefined],
  ]);
  if (variables !== undefined) params.set('variables', variables);
  const extensions = rng.chance(0.1) ? rng.pick(['{bad', '5', MISMATCHED_PERSISTED_QUERY]) : undefined;
  if (extensions !== undefined) params.set('extensions', extensions);
  const twice = rng.chance(0.05);
  if (twice) params.append('query', '{ __typename }');
  // Beyond Node's 16 KB header limit, the request line itself is refused (431).
  if (rng.chance(0.03)) params.set('pad', 'p'.repeat(20_000));
  const search = `?${params.toString()}`;
  const preflight = !rng.chance(0.15);
  const headers: Record<string, string> = preflight ? { 'apollo-require-preflight': 'true' } : {};
  if (rng.chance(0.05)) headers.accept = rng.pick(['text/html', 'application/xml', '*/*']);
  const expect = getExpectation({
    preflight,
    mutation,
    plain: hasQuery && !twice && extensions === undefined && (variables === undefined || variables.startsWith('{"')),
    accept: headers.accept !== undefined,
    long: search.length > 8_000,
    extensions,
  });
  return {
    index: g.index,
    category: 'get',
    label: `GET${mutation ? ' mutation' : ''}${preflight ? '' : ' without preflight header'}`,
    method: 'GET',
    search,
    headers,
    auth: randomAuth(rng, 0.1),
    preview: `GET ${hasQuery ? previewQuery(query) : '(no query)'}\n  variables ${shorten(variables ?? '(none)', 300)}`,
    ...(expect ? { expect } : {}),
  };
}

function wrongContentType(g: Generation): FuzzRequest {
  const { rng } = g;
  const contentType = chooseCase(g, [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=xyz',
    'application/graphql',
    'application/xml',
    'APPLICATION/JSON',
    'application/json; charset=utf-16',
    'application/jsonp',
    '',
  ]);
  const preflight = rng.chance(0.5);
  const body = rng.chance(0.5) ? JSON.stringify({ query: '{ serverInfo { version } }' }) : '{ serverInfo { version } }';
  const headers: Record<string, string> = {};
  if (contentType) headers['content-type'] = contentType;
  if (preflight) headers['apollo-require-preflight'] = 'true';
  // Browsers send these three without a preflight: CSRF prevention must refuse them.
  const simple = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=xyz'].includes(
    contentType,
  );
  return {
    index: g.index,
    category: 'content-type',
    label: `content-type "${contentType}"${preflight ? ' with preflight header' : ''}`,
    method: 'POST',
    search: '',
    headers,
    auth: null,
    body,
    preview: shorten(body, 300),
    ...(simple && !preflight ? { expect: { status: 400, codes: ['BAD_REQUEST'] } } : {}),
  };
}

function variablesShape(g: Generation): FuzzRequest {
  const { rng } = g;
  const variables = chooseCase<unknown>(g, [[], [{ first: 1 }], 'first=1', '{"first": 1}', 42, true, 0, '']);
  return postRequest({
    index: g.index,
    category: 'variables-shape',
    label: `variables ${JSON.stringify(variables)}`,
    body: { query: 'query($first: Int) { timeline(first: $first) { totalCount } }', variables },
    auth: randomAuth(rng, 0.1),
    expect: { status: 400, codes: ['BAD_REQUEST'] },
  });
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A body written only if its case is chosen (some are megabytes), by hand where
 * JSON.stringify (like any recursive walk) would overflow on 100,000 levels.
 */
class RawJson {
  constructor(readonly write: () => string) {}
}

/** The request object itself malformed: fields of the wrong type, persisted queries, odd bodies. */
function envelope(g: Generation): FuzzRequest {
  const { rng } = g;
  const query = '{ serverInfo { version } }';
  const badRequest: FuzzExpectation = { status: 400, codes: ['BAD_REQUEST'] };
  const deepVariables: FuzzExpectation = { status: 400, codes: ['BAD_USER_INPUT'] };
  const cases: Array<[string, unknown, FuzzExpectation | undefined]> = [
    [
      'variables nested 100,000 deep',
      new RawJson(() => `{"query": "${query}", "variables": {"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`),
      deepVariables,
    ],
    [
      'declared variable nested 50,000 deep',
      new RawJson(
        () =>
          `{"query": "query($f: TimelineFilter) { timeline(filter: $f) { totalCount } }", "variables": {"f": ${'{"text": '.repeat(50_000)}"x"${'}'.repeat(50_000)}}}`,
      ),
      deepVariables,
    ],
    [
      'persisted query hash mismatch',
      { query, extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } },
      APOLLO_REFUSAL,
    ],
    [
      'persisted query version 2',
      { query, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(query) } } },
      APOLLO_REFUSAL,
    ],
    ['query is a number', { query: 42 }, badRequest],
    [
      'operationName unknown',
      { query, operationName: 'Nope' },
      { status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] },
    ],
    ['body is null', null, badRequest],
    ['extensions is a number', { query, extensions: 5 }, badRequest],
    ['query only comments', { query: '# nothing here' }, { status: 400, codes: ['GRAPHQL_PARSE_FAILED'] }],
    [
      'persisted query unknown',
      { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(`${rng.next()}`) } } },
      { status: 200, codes: ['PERSISTED_QUERY_NOT_FOUND'] },
    ],
    ['query is an object', { query: { kind: 'Document', definitions: [] } }, badRequest],
    ['query is a list', { query: [query] }, badRequest],
    ['query is null', { query: null }, badRequest],
    ['query is empty', { query: '' }, badRequest],
    ['no query', { variables: {} }, badRequest],
    ['empty object', {}, badRequest],
    ['body is a number', 7, badRequest],
    ['body is a string', query, badRequest],
    ['operationName is a number', { query, operationName: 1 }, badRequest],
    ['operationName is an object', { query, operationName: { a: 1 } }, badRequest],
    [
      'operationName huge',
      new RawJson(() => JSON.stringify({ query: 'query A { __typename }', operationName: hugeString(rng) })),
      undefined,
    ],
    ['extensions is a list', { query, extensions: [] }, badRequest],
    [
      'persisted query registered',
      { query, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } },
      undefined,
    ],
    [
      'persisted query hash not a string',
      { extensions: { persistedQuery: { version: 1, sha256Hash: { $ne: null } } } },
      undefined,
    ],
    [
      'unknown top-level keys',
      JSON.parse(`{"query": "${query}", "__proto__": {"isAdmin": true}, "constructor": 1}`),
      undefined,
    ],
    ['query with only fragments', { query: 'fragment F on Query { __typename }' }, undefined],
  ];
  const [label, body, expect] = chooseCase(g, cases);
  const text = body instanceof RawJson ? body.write() : JSON.stringify(body);
  return {
    index: g.index,
    category: 'envelope',
    label,
    method: 'POST',
    search: '',
    headers: { ...JSON_HEADERS },
    auth: randomAuth(rng, 0.1),
    body: text,
    preview: shorten(text, 300),
    ...(expect ? { expect } : {}),
  };
}

function oversizedBody(g: Generation): FuzzRequest {
  // Above the server's 8 MB limit on request bodies.
  const body = `{"query":"${'a'.repeat(9 * 1024 * 1024)}"}`;
  return {
    index: g.index,
    category: 'oversized-body',
    label: '9 MB body',
    method: 'POST',
    search: '',
    headers: { ...JSON_HEADERS },
    auth: null,
    body,
    preview: shorten(body, 100),
    expect: { status: 413, codes: ['BAD_USER_INPUT'] },
  };
}

/** Weight and generator of each category; special cases are rarer than schema-driven operations. */
const categories: ReadonlyArray<readonly [number, (g: Generation) => FuzzRequest]> = [
  [40, randomQuery],
  [14, randomMutation],
  [4, deepQuery],
  [4, aliasBomb],
  [4, fragmentAbuse],
  [4, directiveAbuse],
  [3, introspectionAbuse],
  [2, hugeDocument],
  [3, batch],
  [3, malformedJson],
  [6, getRequest],
  [3, wrongContentType],
  [3, variablesShape],
  [5, envelope],
  [0.3, oversizedBody],
];

/**
 * The opening rounds go through the categories in turn, each round taking the next case of
 * every category's list, so that even a short run tries each special case once; random
 * choice by weight follows.
 */
const OPENING_ROUNDS = 10;

/** Request number `index` of the run seeded with `seed`. */
export function generateRequest({ schema, seed, index, data, limits }: GenerateOptions): FuzzRequest {
  const rng = new Random(requestSeed(seed, index));
  const opening = index < categories.length * OPENING_ROUNDS;
  const generate = opening
    ? (categories[index % categories.length] as (typeof categories)[number])[1]
    : rng.weighted(categories);
  const variant = opening ? Math.floor(index / categories.length) : undefined;
  return generate({ schema, rng, index, data, limits, variant });
}
