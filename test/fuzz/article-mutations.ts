/**
 * Hostile articles for the ingest fuzz suite, made from real ones: a seeded, deterministic
 * mutator (its own small PRNG, so a failing case can be rebuilt from its seed alone) that
 * breaks encodings, sizes, quotation marks, scripts, markup and metadata.
 *
 * Cases are planned up front and built one at a time: several are 10 MB strings, and a
 * thousand of them at once would not fit in a test worker.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleFormat, ArticleInput } from '../../server/src/ingest/types.js';
import { MAX_ARTICLE_CHARS } from '../../server/src/services/ingest-article.js';

const repoRoot = join(import.meta.dirname, '..', '..');
/** Where the real articles come from: the seed corpus and the evaluation dev set. */
export const CORPUS_DIRS = [join(repoRoot, 'prisma', 'seed', 'articles'), join(repoRoot, 'test', 'fixtures', 'devset')];

export function readCorpus(dirs: readonly string[] = CORPUS_DIRS): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((file) => file.endsWith('.txt'))
      .sort()
      .map((file) => readFileSync(join(dir, file), 'utf8')),
  );
}

/** mulberry32: tiny, fast and good enough to pick offsets; the same seed gives the same article. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[this.int(items.length)] as T;
  }

  bytes(length: number): Buffer {
    const bytes = Buffer.alloc(length);
    for (let i = 0; i < length; i += 1) bytes[i] = this.int(256);
    return bytes;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = this.int(i + 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy;
  }
}

/** One hostile article: what the ingest path receives, and which mutations made it. */
export interface FuzzArticle {
  /** The mutations joined by '+', each with the variant it chose after a '/': "utf16/bom-char+emoji". */
  name: string;
  input: ArticleInput;
}

/** A planned case: cheap to hold, built on demand. */
export interface FuzzCase {
  index: number;
  seed: number;
  /** The mutations it applies, in order (the built article's name adds the variants chosen). */
  plan: string[];
  /** Builds a 10 MB string or its like. */
  heavy: boolean;
  build(): FuzzArticle;
}

export const TEN_MB = 10 * 1024 * 1024;

// ---------------------------------------------------------------------------------------
// Text helpers

/** Inserts `count` pieces at random offsets (offsets may split a surrogate pair: on purpose). */
function sprinkle(rng: Random, text: string, count: number, piece: () => string): string {
  const offsets = Array.from({ length: count }, () => rng.int(text.length + 1)).sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const offset of offsets) {
    parts.push(text.slice(last, offset), piece());
    last = offset;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

/** Replaces a random span of up to `maxLength` characters by what `change` makes of it. */
function changeSpan(rng: Random, text: string, maxLength: number, change: (span: string) => string): string {
  const start = rng.int(text.length + 1);
  const end = Math.min(text.length, start + rng.between(1, maxLength));
  return text.slice(0, start) + change(text.slice(start, end)) + text.slice(end);
}

function repeatTo(text: string, length: number): string {
  return text.repeat(Math.ceil(length / Math.max(1, text.length))).slice(0, length);
}

function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function sentencesOf(text: string): string[] {
  return paragraphsOf(text).flatMap((p) => p.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function asHtml(text: string, extraHead = '', wrap: (p: string, i: number) => string = (p) => `<p>${p}</p>`): string {
  const paragraphs = paragraphsOf(text).map((p, i) => wrap(escapeHtml(p), i));
  const title = escapeHtml(paragraphsOf(text)[0] ?? 'Untitled');
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>${extraHead}</head><body><article>${paragraphs.join('\n')}</article></body></html>`;
}

function asMarkdown(text: string): string {
  const [first = '', ...rest] = paragraphsOf(text);
  return [`# ${first}`, ...rest].join('\n\n');
}

const QUOTE_MARKS = ['“', '”', '«', '»', '„', '‘', '’', '"', "'", '‹', '›', '「', '」', '″', '``', "''"];
const PAIRS: ReadonlyArray<[string, string]> = [
  ['“', '”'],
  ['«', '»'],
  ['„', '“'],
  ['‘', '’'],
  ['"', '"'],
  ["'", "'"],
  ['‹', '›'],
  ['「', '」'],
  ['»', '«'],
  ['”', '“'],
];
const ARABIC = [
  'قال وزير الخارجية يوم الثلاثاء إن المحادثات ستستأنف الشهر المقبل.',
  '«لن نتراجع عن هذا الاتفاق»، قال الرئيس في مؤتمر صحفي في القاهرة.',
  'التقى الوزير بنظيره الأردني في عمّان يوم الأحد.',
];
const HEBREW = [
  'השרים נפגשו ביום שלישי בבירה.',
  '"לא נוותר על הביטחון", אמר ראש הממשלה בירושלים.',
  'שר החוץ נפגש עם עמיתו המצרי בקהיר ביום ראשון.',
];
/** LRM, RLM, ALM, LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI. */
const BIDI_CONTROLS = [
  '\u200e',
  '\u200f',
  '\u061c',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const EMOJI = [
  '🎉',
  '🇺🇦',
  '🇵🇸',
  '🏳️‍🌈',
  '👩🏽‍💼',
  '👨‍👩‍👧‍👦',
  '🧑🏿‍🚀',
  '❤️',
  '1️⃣',
  '🫡',
  '😀',
  '🤝🏻',
  '\u200d',
  '\ufe0f',
  '🏴󠁧󠁢󠁳󠁣󠁴󠁿',
];
const UNICODE_SPACES = [
  '\u00a0',
  '\u2009',
  '\u3000',
  '\u200b',
  '\u2028',
  '\u2029',
  '\r',
  '\r\n',
  '\t',
  '\u0085',
  '\v',
  '\f',
];

/** Windows-1252's printable characters at 0x80..0x9F; the rest of its range is Latin-1. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'.split('');

function decodeWindows1252(bytes: Buffer): string {
  let text = '';
  for (const byte of bytes) text += byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return text;
}

/** "“Peace”" read with the wrong code page: "â€œPeaceâ€\u009d". */
function mojibake(text: string, codePage: 'latin1' | 'cp1252'): string {
  const bytes = Buffer.from(text, 'utf8');
  return codePage === 'latin1' ? bytes.toString('latin1') : decodeWindows1252(bytes);
}

// ---------------------------------------------------------------------------------------
// The mutations

interface MutationContext {
  rng: Random;
  corpus: readonly string[];
  /** What this mutation may add to the case name ("markdown-edge/blockquotes"). */
  variant(name: string): void;
}

interface Mutation {
  name: string;
  heavy?: boolean;
  /** Whether it can be stacked with others (it changes the text of an input, nothing more). */
  stackable?: boolean;
  apply(input: ArticleInput, context: MutationContext): ArticleInput;
}

const text = (change: (text: string, context: MutationContext) => string): Mutation['apply'] => {
  return (input, context) => ({ ...input, text: change(input.text, context) });
};

const withVariants = (
  variants: Record<string, (input: ArticleInput, context: MutationContext) => ArticleInput>,
): Mutation['apply'] => {
  return (input, context) => {
    const name = context.rng.pick(Object.keys(variants));
    context.variant(name);
    return (variants[name] as (typeof variants)[string])(input, context);
  };
};

const encodingMutations: Mutation[] = [
  {
    name: 'random-bytes',
    stackable: true,
    apply: text((t, { rng }) => {
      // NUL has a mutation of its own; here it would get nearly every case refused for it.
      const keepNul = rng.chance(0.2);
      const chunk = () => {
        const bytes = rng.bytes(rng.between(1, 64));
        for (let i = 0; !keepNul && i < bytes.length; i += 1) if (bytes[i] === 0) bytes[i] = 1;
        return bytes.toString('utf8');
      };
      return sprinkle(rng, t, rng.between(1, 20), chunk);
    }),
  },
  {
    name: 'binary-garbage',
    apply: withVariants({
      utf8: (input, { rng }) => ({ ...input, text: rng.bytes(rng.between(1, 65_536)).toString('utf8') }),
      latin1: (input, { rng }) => ({ ...input, text: rng.bytes(rng.between(1, 65_536)).toString('latin1') }),
      'text-prefix': (input, { rng }) => ({
        ...input,
        text: `${input.text.slice(0, 200)}${rng.bytes(50_000).toString('latin1')}`,
      }),
    }),
  },
  {
    name: 'control-chars',
    stackable: true,
    apply: text((t, { rng }) =>
      sprinkle(rng, t, rng.between(5, 200), () =>
        String.fromCharCode(rng.chance(0.5) ? rng.between(1, 0x1f) : rng.between(0x7f, 0x9f)),
      ),
    ),
  },
  {
    name: 'nul-bytes',
    stackable: true,
    apply: text((t, { rng }) => sprinkle(rng, t, rng.between(1, 5), () => '\u0000')),
  },
  {
    name: 'invalid-utf8',
    stackable: true,
    apply: text((t, { rng }) => {
      const bytes = Buffer.from(t, 'utf8');
      const flips = Math.max(1, Math.floor(bytes.length * rng.pick([0.001, 0.01, 0.05])));
      // Lone continuation bytes, lead bytes without continuations, overlong forms.
      for (let i = 0; i < flips; i += 1)
        bytes[rng.int(bytes.length)] = rng.pick([0x80, 0xbf, 0xc0, 0xc1, 0xe2, 0xf0, 0xf5, 0xff]);
      return bytes.toString('utf8');
    }),
  },
  {
    name: 'mojibake',
    stackable: true,
    apply: withVariants({
      'latin1-spans': text((t, { rng }) => {
        let out = t;
        for (let i = rng.between(1, 3); i > 0; i -= 1) out = changeSpan(rng, out, 2_000, (s) => mojibake(s, 'latin1'));
        return out;
      }),
      'cp1252-spans': text((t, { rng }) => {
        let out = t;
        for (let i = rng.between(1, 3); i > 0; i -= 1) out = changeSpan(rng, out, 2_000, (s) => mojibake(s, 'cp1252'));
        return out;
      }),
      'cp1252-whole': text((t) => mojibake(t, 'cp1252')),
      'double-cp1252': text((t) => mojibake(mojibake(t, 'cp1252'), 'cp1252')),
    }),
  },
  {
    name: 'utf16',
    apply: withVariants({
      'bom-char': text((t) => `\ufeff${t}`),
      'reversed-bom': text((t) => `\ufffe${t}`),
      'bom-everywhere': text((t, { rng }) => sprinkle(rng, t, 20, () => '\ufeff')),
      'le-bytes-as-utf8': text((t) =>
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]).toString('utf8'),
      ),
      'be-bytes-as-latin1': text((t) => {
        const bytes = Buffer.from(t, 'utf16le');
        bytes.swap16();
        return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]).toString('latin1');
      }),
    }),
  },
  {
    name: 'lone-surrogates',
    stackable: true,
    apply: text((t, { rng }) =>
      sprinkle(rng, t, rng.between(1, 30), () =>
        String.fromCharCode(rng.chance(0.5) ? rng.between(0xd800, 0xdbff) : rng.between(0xdc00, 0xdfff)),
      ),
    ),
  },
];

const sizeMutations: Mutation[] = [
  { name: 'huge-repeat', heavy: true, apply: text((t) => repeatTo(`${t}\n\n`, TEN_MB)) },
  {
    name: 'huge-single-line',
    heavy: true,
    apply: text((t) => repeatTo(`${t.replace(/\s+/g, ' ')} `, TEN_MB)),
  },
  {
    name: 'huge-quotes',
    heavy: true,
    apply: text((_, { rng }) => {
      const chunk = Array.from({ length: 4096 }, () => rng.pick(QUOTE_MARKS)).join('');
      return repeatTo(chunk, TEN_MB);
    }),
  },
  {
    name: 'repeated-sentence',
    heavy: true,
    apply: withVariants({
      random: text((t, { rng }) => `${rng.pick(sentencesOf(t))} `.repeat(100_000)),
      // Short enough that 100,000 of them may stay under the size limit and get read.
      shortest: text((t) => {
        const shortest = sentencesOf(t).reduce((a, b) => (b.length < a.length ? b : a), t);
        return `${shortest} `.repeat(100_000);
      }),
    }),
  },
  {
    // The longest article accepted, made of real text: the slowest thing ingest will read.
    name: 'at-size-limit',
    heavy: true,
    apply: text((t, { rng }) => repeatTo(`${t}\n\n`, MAX_ARTICLE_CHARS - rng.int(1_000))),
  },
  {
    // Near the size limit, shapes that once cost the square of their length.
    name: 'degenerate-repeats',
    heavy: true,
    apply: withVariants({
      'tiny-sentences': text(() => 'Yes. '.repeat(399_000)),
      'short-quotes': text(() => '"a b c," Smith said. '.repeat(95_000)),
      'quotes-and-meetings': text(() =>
        '“We met them,” Smith said. Smith met Jones in Paris on Monday. '.repeat(31_000),
      ),
      'spaceless-dots': text(() => 'a.'.repeat(999_000)),
      'one-sentence-paragraph': text((t) => repeatTo(`${t.replace(/[.!?]/g, ',').replace(/\s+/g, ' ')} `, 1_900_000)),
    }),
  },
  { name: 'over-size-limit', apply: text((t) => repeatTo(`${t}\n\n`, MAX_ARTICLE_CHARS + 1)) },
  {
    name: 'long-word',
    stackable: true,
    apply: text((t, { rng }) => {
      const length = rng.pick([10_000, 100_000, 1_000_000]);
      const word = rng.chance(0.5) ? 'a'.repeat(length) : repeatTo('Xenophontical', length);
      return sprinkle(rng, t, 1, () => ` ${word} `);
    }),
  },
];

const quoteMutations: Mutation[] = [
  {
    name: 'nested-quotes',
    stackable: true,
    apply: text((t, { rng }) => {
      const sentences = sentencesOf(t);
      return sentences
        .map((sentence) => {
          if (!rng.chance(0.4)) return sentence;
          let out = sentence;
          for (let depth = rng.between(2, 50); depth > 0; depth -= 1) {
            const [open, close] = rng.pick(PAIRS);
            out = `${open}${out}${close}`;
          }
          return `${out} said Foreign Minister Anna Lindqvist.`;
        })
        .join(' ');
    }),
  },
  {
    name: 'unclosed-quotes',
    stackable: true,
    apply: text((t, { rng }) =>
      sprinkle(rng, t, rng.between(1, 50), () => rng.pick(['“', '«', '„', '‘', '"', "'", '``'])),
    ),
  },
  {
    name: 'quote-swap',
    stackable: true,
    apply: text((t, { rng }) => t.replace(/["'“”‘’«»„]/g, () => rng.pick(QUOTE_MARKS))),
  },
  {
    name: 'quote-storm',
    stackable: true,
    apply: text((t, { rng }) =>
      sprinkle(rng, t, rng.between(1, 10), () =>
        Array.from({ length: rng.between(100, 10_000) }, () => rng.pick(QUOTE_MARKS)).join(''),
      ),
    ),
  },
];

const scriptMutations: Mutation[] = [
  {
    name: 'rtl-text',
    stackable: true,
    apply: withVariants({
      paragraphs: text((t, { rng }) =>
        sprinkle(rng, t, rng.between(1, 6), () => `\n\n${rng.pick([...ARABIC, ...HEBREW])}\n\n`),
      ),
      inline: text((t, { rng }) => sprinkle(rng, t, rng.between(1, 20), () => ` ${rng.pick([...ARABIC, ...HEBREW])} `)),
      'whole-article': text((_, { rng }) =>
        Array.from({ length: rng.between(3, 40) }, () => rng.pick([...ARABIC, ...HEBREW])).join('\n\n'),
      ),
    }),
  },
  {
    name: 'bidi-controls',
    stackable: true,
    apply: text((t, { rng }) => sprinkle(rng, t, rng.between(5, 300), () => rng.pick(BIDI_CONTROLS))),
  },
  {
    name: 'emoji',
    stackable: true,
    apply: text((t, { rng }) =>
      sprinkle(rng, t, rng.between(5, 300), () =>
        Array.from({ length: rng.between(1, 5) }, () => rng.pick(EMOJI)).join(rng.chance(0.3) ? '\u200d' : ''),
      ),
    ),
  },
  {
    name: 'combining-marks',
    stackable: true,
    apply: text((t, { rng }) =>
      t.replace(/\p{L}/gu, (letter) =>
        rng.chance(0.1)
          ? letter +
            Array.from({ length: rng.between(1, 30) }, () => String.fromCharCode(rng.between(0x300, 0x36f))).join('')
          : letter,
      ),
    ),
  },
  {
    name: 'unicode-spaces',
    stackable: true,
    apply: text((t, { rng }) => t.replace(/ |\n/g, (space) => (rng.chance(0.3) ? rng.pick(UNICODE_SPACES) : space))),
  },
];

const htmlMutations: Mutation[] = [
  {
    name: 'html-scripts',
    apply: (input, { rng }) => {
      const payloads = [
        '<script>document.write("<p>Injected paragraph said Minister Fake.</p>")</script>',
        '<script>var s = "</scr" + "ipt><p>not text</p>";</script>',
        '<script type="text/template"><p>“Template quote,” he said.</p></script>',
        '<style>p::before { content: "“Styled quote,” she said."; }</style>',
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(document.cookie)">Click here</a>',
        '<p onclick="steal()" onmouseover="steal()">Hover text.</p>',
        '<iframe srcdoc="<p>Framed text.</p>"></iframe>',
        '<svg><script>alert(1)</script><title>Icon</title></svg>',
        '<noscript><p>Enable JavaScript.</p></noscript>',
        '<object data="javascript:alert(1)"></object>',
        '<form action="javascript:alert(1)"><input value="“Form quote,” he said."></form>',
        '<script>/* unterminated script',
      ];
      const html = asHtml(
        input.text,
        rng.pick(payloads),
        (p) => `${rng.chance(0.4) ? rng.pick(payloads) : ''}<p>${p}</p>`,
      );
      return { ...input, text: html, ...(rng.chance(0.5) ? { format: 'HTML' as const } : {}) };
    },
  },
  {
    name: 'html-malformed',
    apply: withVariants({
      'unclosed-tags': (input, { rng }) => ({
        ...input,
        text: asHtml(
          input.text,
          '',
          (p) => `<${rng.pick(['p', 'b', 'i', 'div', 'span', 'blockquote', 'li', 'td', 'a href="/x"'])}>${p}`,
        ),
      }),
      'stray-closers': (input, { rng }) => ({
        ...input,
        text: asHtml(
          input.text,
          '',
          (p) => `${'</div></span></p></html></body></article>'.slice(0, rng.between(6, 42))}${p}`,
        ),
      }),
      'unterminated-comment': (input, { rng }) => ({
        ...input,
        text: changeSpan(rng, asHtml(input.text), 1, (s) => `${s}<!-- never closed `),
      }),
      cdata: (input, { rng }) => ({
        ...input,
        text: changeSpan(rng, asHtml(input.text), 1, (s) => `${s}<![CDATA[ <p>“Hidden,” he said.</p> `),
      }),
      'unterminated-attribute': (input, { rng }) => ({
        ...input,
        text: changeSpan(rng, asHtml(input.text), 1, (s) => `${s}<a href="https://example.com/x title='`),
      }),
      'tag-soup': (input, { rng }) => ({
        ...input,
        text: sprinkle(rng, asHtml(input.text), rng.between(10, 200), () =>
          rng.pick(['<', '>', '</', '<p', '<<p>>', '<!', '<?', '&', '&#', '&#x;', '<br/', '<table>', '<tr><td>']),
        ),
      }),
    }),
  },
  {
    name: 'html-deep-nesting',
    apply: withVariants({
      divs: (input) => ({
        ...input,
        text: `<html><body>${'<div>'.repeat(50_000)}${asHtml(input.text)}${'</div>'.repeat(50_000)}</body></html>`,
      }),
      'unclosed-divs': (input) => ({ ...input, text: `<html><body>${'<div>'.repeat(50_000)}${asHtml(input.text)}` }),
      'inline-tags': (input, { rng }) => {
        const tag = rng.pick(['b', 'span', 'font', 'em', 'a']);
        return { ...input, text: `<p>${`<${tag}>`.repeat(50_000)}${escapeHtml(input.text)}</p>` };
      },
      blockquotes: (input) => ({ ...input, text: `${'<blockquote>'.repeat(20_000)}${asHtml(input.text)}` }),
      'lists-and-tables': (input) => ({
        ...input,
        text: `${'<ul><li><table><tr><td>'.repeat(5_000)}${asHtml(input.text)}`,
      }),
    }),
  },
  {
    name: 'html-huge-attribute',
    apply: (input, { rng }) => {
      const value = 'x'.repeat(rng.pick([100_000, 1_000_000, 1_900_000]));
      const tag = rng.pick([
        `<div data-blob="${value}">`,
        `<img src="data:image/png;base64,${value}">`,
        `<a href="https://example.com/${value}">link</a>`,
        `<meta property="og:title" content="${value}">`,
        `<div title="${value}`, // never closed
      ]);
      return { ...input, text: asHtml(input.text, '', (p, i) => (i === 1 ? `${tag}<p>${p}</p>` : `<p>${p}</p>`)) };
    },
  },
  {
    name: 'html-entities',
    apply: (input, { rng }) => {
      const entities = [
        '&#0;',
        '&#x0;',
        '&#xD800;',
        '&#x110000;',
        '&#99999999999;',
        '&amp',
        '&nbsp',
        '&#x202E;',
        '&#8220;',
        '&ldquo',
        '&;',
        '&#;',
        '&#x;',
      ];
      const html = sprinkle(rng, asHtml(input.text), rng.between(5, 100), () => rng.pick(entities));
      return { ...input, text: rng.chance(0.5) ? html : sprinkle(rng, input.text, 20, () => rng.pick(entities)) };
    },
  },
  {
    name: 'html-meta-junk',
    apply: (input, { rng }) => {
      const metas = [
        '<meta property="article:published_time" content="99999-99-99T99:99:99Z">',
        '<meta property="article:published_time" content="0001-01-01T00:00:00Z">',
        '<meta property="article:published_time" content="9999-12-31T23:59:59Z">',
        '<meta property="article:published_time" content="not a date">',
        '<meta property="og:url" content="javascript:alert(1)">',
        '<link rel="canonical" href="https://exa mple.com/\u0001/">',
        '<meta property="og:site_name" content="\u202eSITE\u202c">',
        `<meta name="author" content="${'A'.repeat(100_000)}">`,
        '<time itemprop="datePublished" datetime="-271821-04-20">then</time>',
      ];
      const head = Array.from({ length: rng.between(1, 5) }, () => rng.pick(metas)).join('');
      return { ...input, text: asHtml(input.text, head) };
    },
  },
];

const markdownMutations: Mutation[] = [
  {
    name: 'markdown-edge',
    apply: withVariants({
      blockquotes: text((t) => `${'> '.repeat(10_000)}${asMarkdown(t)}`),
      'nested-lists': text((t) =>
        Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- item ${i}`)
          .join('\n')
          .concat(`\n\n${asMarkdown(t)}`),
      ),
      'unclosed-fence': text((t) => `${asMarkdown(t).slice(0, 200)}\n\n\`\`\`js\n${t}`),
      'emphasis-bomb': text((t) => `${'*_'.repeat(20_000)}${asMarkdown(t)}${'_*'.repeat(10_000)}`),
      'open-links': text((t) => `${'[x]('.repeat(20_000)}${asMarkdown(t)}`),
      'link-references': text(
        (t) =>
          `${asMarkdown(t)}\n\n${Array.from({ length: 5_000 }, (_, i) => `[ref${i}]: https://example.com/${i} "t${i}"`).join('\n')}`,
      ),
      'huge-link': text((t) => `[**bold**](https://example.com/${'a'.repeat(500_000)})\n\n${asMarkdown(t)}`),
      'wide-table': text(
        (t) =>
          `| ${Array.from({ length: 2_000 }, (_, i) => `c${i}`).join(' | ')} |\n|${' --- |'.repeat(2_000)}\n\n${asMarkdown(t)}`,
      ),
      'inline-html': text(
        (t) => `${asMarkdown(t)}\n\n<script>alert(1)</script>\n\n<div onclick="x()">**Bold** text</div>`,
      ),
      headings: text((t) => `${'#'.repeat(50)} Not a heading\n\n${'# \n'.repeat(5_000)}${asMarkdown(t)}`),
    }),
  },
];

const degenerateMutations: Mutation[] = [
  {
    name: 'empty',
    apply: withVariants({
      empty: (input) => ({ ...input, text: '' }),
      whitespace: (input) => ({ ...input, text: ' \n\t\r\n  \u00a0\u3000 ' }),
      invisible: (input) => ({ ...input, text: '\u200b\ufeff\u2060\u00ad\u200b' }),
      'punctuation-and-digits': (input) => ({ ...input, text: '12345 --- !!! *** 2020-01-01 ... ““”” «»' }),
      'one-letter': (input) => ({ ...input, text: 'a' }),
      'one-sentence': (input) => ({ ...input, text: '“Yes,” he said.' }),
      'empty-html': (input) => ({ ...input, text: '<html><body></body></html>' }),
      'empty-markdown': (input) => ({ ...input, text: '#\n\n**\n\n[]()', format: 'MARKDOWN' as const }),
    }),
  },
];

/** 1 January of `year`; Date.UTC would read years 0..99 as 1900..1999. */
function yearStart(year: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date;
}

const EXTREME_DATES: ReadonlyArray<[string, Date]> = [
  ['year-0001', new Date('0001-01-01T00:00:00.000Z')],
  ['year-9999', new Date('9999-12-31T23:59:59.999Z')],
  ['invalid-date', new Date(Number.NaN)],
  ['js-max-date', new Date(8.64e15)],
  ['js-min-date', new Date(-8.64e15)],
  ['epoch', new Date(0)],
  ['before-epoch', new Date(-1)],
  ['year-0000', yearStart(0)],
  ['year-0099', yearStart(99)],
];

const metadataMutations: Mutation[] = [
  {
    name: 'date-extremes',
    apply: (input, context) => {
      const { rng } = context;
      if (rng.chance(0.6)) {
        const [name, date] = rng.pick(EXTREME_DATES);
        context.variant(name);
        return { ...input, publishedAt: date };
      }
      const line = rng.pick([
        'Published: June 7, 0001',
        'December 31, 9999',
        'Published: February 30, 2019',
        'Updated 99/99/9999',
        'Original url: https://example.com/0000/00/00/story.html',
        'Original url: https://example.com/9999/12/31/story.html',
        'BRUSSELS, Feb 31, 2017 (Reuters) -',
        'Posted: 275760-09-13',
      ]);
      context.variant('date-line');
      return { ...input, text: `${line}\n\n${input.text}` };
    },
  },
  {
    name: 'metadata-junk',
    apply: withVariants({
      'bad-url': (input, { rng }) => ({
        ...input,
        url: rng.pick([
          'javascript:alert(1)',
          'http://',
          'https://exa mple.com/',
          'ftp://example.com/a',
          '/relative/path',
          '',
        ]),
      }),
      'huge-url': (input) => ({ ...input, url: `https://example.com/${'a'.repeat(100_000)}` }),
      'unicode-url': (input) => ({ ...input, url: 'https://xn--80ak6aa92e.com/مقال/😀?q=\u202e' }),
      'huge-title': (input) => ({ ...input, title: 'Title '.repeat(20_000) }),
      'control-title': (input) => ({ ...input, title: '\u0007\u001b[31mRed\u0000\u202e', publisher: '\u200f' }),
      'emoji-publisher': (input) => ({ ...input, publisher: '👩🏽‍💼 News 🇺🇦', title: '“Nested «quotes» in „titles“' }),
      'wrong-format': (input, { rng }) => ({
        ...input,
        text: rng.chance(0.5) ? asHtml(input.text) : input.text,
        format: rng.pick<ArticleFormat>(['TEXT', 'MARKDOWN', 'HTML']),
      }),
      'unknown-format': (input) => ({ ...input, format: 'PDF' as ArticleFormat }),
      'all-fields': (input) => ({
        ...input,
        url: 'https://www.reuters.com/article/2017/02/16/story-id',
        title: 'A title',
        publisher: 'Reuters',
        publishedAt: new Date('2017-02-16T00:00:00Z'),
      }),
    }),
  },
];

const structureMutations: Mutation[] = [
  {
    name: 'truncate',
    stackable: true,
    apply: text((t, { rng }) => t.slice(0, rng.int(t.length + 1))),
  },
  {
    name: 'splice',
    stackable: true,
    apply: text((t, { rng, corpus }) => {
      const other = rng.pick(corpus);
      return t.slice(0, rng.int(t.length + 1)) + other.slice(rng.int(other.length + 1));
    }),
  },
  {
    name: 'shuffle-paragraphs',
    stackable: true,
    apply: text((t, { rng }) => rng.shuffle(paragraphsOf(t)).join('\n\n')),
  },
  {
    name: 'duplicate-paragraphs',
    stackable: true,
    apply: text((t, { rng }) =>
      paragraphsOf(t)
        .flatMap((p) => Array.from({ length: rng.chance(0.2) ? rng.between(2, 20) : 1 }, () => p))
        .join('\n\n'),
    ),
  },
];

export const MUTATIONS: readonly Mutation[] = [
  ...encodingMutations,
  ...sizeMutations,
  ...quoteMutations,
  ...scriptMutations,
  ...htmlMutations,
  ...markdownMutations,
  ...degenerateMutations,
  ...metadataMutations,
  ...structureMutations,
];

/** How many mutations build 10 MB (or 2 MB) strings; a short run can afford each once. */
export const HEAVY_MUTATION_COUNT = MUTATIONS.filter((m) => m.heavy).length;

// ---------------------------------------------------------------------------------------
// Planning

/** A real article in one of the three formats, before any mutation. */
function baseArticle(rng: Random, corpus: readonly string[]): ArticleInput {
  const article = rng.pick(corpus);
  const form = rng.int(10);
  if (form === 0) return { text: asHtml(article) };
  if (form === 1) return { text: asMarkdown(article) };
  return { text: article };
}

/** Per-case seeds: a case can be rebuilt without building the ones before it. */
function caseSeed(seed: number, index: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

function buildCase(seed: number, corpus: readonly string[], mutations: readonly Mutation[]): FuzzArticle {
  const rng = new Random(seed);
  let input = baseArticle(rng, corpus);
  const names: string[] = [];
  for (const mutation of mutations) {
    let variant = '';
    input = mutation.apply(input, {
      rng,
      corpus,
      variant: (name) => {
        variant = name;
      },
    });
    names.push(variant ? `${mutation.name}/${variant}` : mutation.name);
  }
  return { name: names.join('+'), input };
}

export interface PlanOptions {
  count: number;
  seed: number;
  corpus: readonly string[];
  /** How many cases may be heavy (10 MB); each heavy mutation appears at least once when it fits. */
  maxHeavy: number;
}

/**
 * The cases of a run: every mutation once (heavy ones while the budget lasts), then random
 * picks, a third of them stacks of two or three text mutations.
 */
export function planArticleCases({ count, seed, corpus, maxHeavy }: PlanOptions): FuzzCase[] {
  if (corpus.length === 0) throw new Error('no articles to mutate');
  const planner = new Random(seed);
  const light = MUTATIONS.filter((m) => !m.heavy);
  const heavy = MUTATIONS.filter((m) => m.heavy);
  const stackable = MUTATIONS.filter((m) => m.stackable);
  const plans: Mutation[][] = [];
  for (const mutation of light) plans.push([mutation]);
  let heavyLeft = maxHeavy;
  for (let i = 0; heavyLeft > 0 && i < heavy.length; i += 1, heavyLeft -= 1) plans.push([heavy[i] as Mutation]);
  while (plans.length < count) {
    if (heavyLeft > 0 && planner.chance(0.02)) {
      plans.push([planner.pick(heavy)]);
      heavyLeft -= 1;
    } else if (planner.chance(0.33)) {
      plans.push(Array.from({ length: planner.between(2, 3) }, () => planner.pick(stackable)));
    } else {
      plans.push([planner.pick(light)]);
    }
  }
  // The coverage pass first, then the rest; a short run still sees every mutation.
  return plans.slice(0, count).map((mutations, index) => {
    const caseSeedValue = caseSeed(seed, index);
    return {
      index,
      seed: caseSeedValue,
      plan: mutations.map((m) => m.name),
      heavy: mutations.some((m) => m.heavy),
      build: () => buildCase(caseSeedValue, corpus, mutations),
    };
  });
}
