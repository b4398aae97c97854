/**
 * The widget's options, read the same way from a div's data-* attributes, a
 * <parley-timeline> element's attributes and the /embed page's query string; and the
 * snippets that carry them. Reading is lenient (a typo drops a value, never the widget);
 * writing escapes every value for the attribute or URL it lands in.
 */
import type { ItemKind } from './generated/graphql.js';

export const OPTION_NAMES = ['actors', 'kinds', 'from', 'to', 'text', 'height', 'theme', 'api'] as const;
export type OptionName = (typeof OPTION_NAMES)[number];
export type Theme = 'light' | 'dark' | 'auto';

export interface WidgetOptions {
  /** Names or ids, as the host wrote them. */
  actors: string[];
  /** Empty means every kind. */
  kinds: ItemKind[];
  /** Inclusive days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  text: string;
  /** Pixels. */
  height: number;
  theme: Theme;
  /** The Parley server; null means where embed.js came from. */
  api: string | null;
}

export const DEFAULT_HEIGHT = 420;
const MIN_HEIGHT = 160;
const MAX_HEIGHT = 2000;
const MAX_ACTORS = 10;
const KINDS: readonly ItemKind[] = ['STATEMENT', 'MEETING', 'EVENT'];

function day(value: string | null): string | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === match[0] ? match[0] : null;
}

function list(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0 && part.length <= 200);
}

/** Only http(s) origins; anything else falls back to the script's own. */
export function apiOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

export function readOptions(get: (name: OptionName) => string | null): WidgetOptions {
  const kinds = list(get('kinds')).map((kind) => kind.toUpperCase().replace(/S$/, ''));
  const height = Number.parseInt(get('height') ?? '', 10);
  const theme = get('theme');
  let from = day(get('from'));
  let to = day(get('to'));
  if (from && to && from > to) [from, to] = [to, from];
  return {
    actors: [...new Set(list(get('actors')))].slice(0, MAX_ACTORS),
    kinds: KINDS.filter((kind) => kinds.includes(kind)),
    from,
    to,
    text: (get('text') ?? '').trim().slice(0, 500),
    height: Number.isFinite(height) ? Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height)) : DEFAULT_HEIGHT,
    theme: theme === 'dark' || theme === 'light' ? theme : 'auto',
    api: apiOrigin(get('api')),
  };
}

/** The options as name/value pairs, leaving out defaults. */
export function optionPairs(options: WidgetOptions): Array<[OptionName, string]> {
  const pairs: Array<[OptionName, string]> = [];
  if (options.actors.length > 0) pairs.push(['actors', options.actors.join(',')]);
  if (options.kinds.length > 0 && options.kinds.length < KINDS.length) {
    pairs.push(['kinds', options.kinds.map((kind) => kind.toLowerCase()).join(',')]);
  }
  if (options.from) pairs.push(['from', options.from]);
  if (options.to) pairs.push(['to', options.to]);
  if (options.text) pairs.push(['text', options.text]);
  if (options.height !== DEFAULT_HEIGHT) pairs.push(['height', String(options.height)]);
  if (options.theme !== 'auto') pairs.push(['theme', options.theme]);
  return pairs;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function frameUrl(origin: string, options: WidgetOptions): string {
  const params = new URLSearchParams(optionPairs(options));
  const query = params.toString();
  return `${origin}/embed${query ? `?${query}` : ''}`;
}

export interface Snippets {
  script: string;
  element: string;
  iframe: string;
}

/** The three ways to embed a timeline, for the explorer's embed generator and the docs. */
export function embedSnippets(origin: string, options: WidgetOptions): Snippets {
  const pairs = optionPairs(options);
  const data = pairs.map(([name, value]) => ` data-${name}="${attribute(value)}"`).join('');
  const plain = pairs.map(([name, value]) => ` ${name}="${attribute(value)}"`).join('');
  const script = `<script src="${attribute(origin)}/embed.js" async></script>`;
  const frame = frameUrl(origin, options);
  return {
    script: `<div data-parley-timeline${data}></div>\n${script}`,
    element: `<parley-timeline${plain}></parley-timeline>\n${script}`,
    iframe: [
      `<iframe src="${attribute(frame)}" title="Parley timeline" loading="lazy"`,
      `  style="width: 100%; border: 0" height="${options.height}"></iframe>`,
      '<script>',
      '  // Optional: let the frame set its own height.',
      '  addEventListener("message", (event) => {',
      `    if (event.origin !== ${JSON.stringify(origin)} || event.data?.type !== "parley:resize") return;`,
      '    for (const frame of document.querySelectorAll("iframe")) {',
      '      if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";',
      '    }',
      '  });',
      '</script>',
    ].join('\n'),
  };
}
