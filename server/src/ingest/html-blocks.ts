/**
 * HTML -> candidate paragraphs, with a streaming parser (htmlparser2) so a multi-megabyte
 * page costs one linear pass and malformed markup (unclosed tags, stray closers) is
 * repaired the way browsers do. Page furniture is dropped by element, before any text
 * heuristics run: scripts, styles, navigation, site header/footer, asides and forms never
 * reach the article text.
 */
import { Parser } from 'htmlparser2';
import { canonicalHttpUrl } from './article-urls.js';
import { findMainContent } from './main-content.js';
import { type DocumentHints, NO_HINTS, type SourceBlock, type SourceDocument } from './source-blocks.js';
import { cleanInline } from './text-cleanup.js';

/** Elements whose content is never article text. */
const ALWAYS_REMOVED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'aside',
  'form',
  'iframe',
  'svg',
  'math',
  'canvas',
  'button',
  'select',
  'textarea',
  'object',
  'embed',
  'audio',
  'video',
  'dialog',
]);
/**
 * The page's own header and footer are site furniture; a header or footer inside <article>
 * or <main> usually holds the headline, byline and date, so those are kept.
 */
const PAGE_FURNITURE = new Set(['header', 'footer']);
/** Content containers that make a nested header/footer part of the article. */
const ARTICLE_CONTAINERS = new Set(['article', 'main']);

/** Elements that end the current paragraph when they open or close. */
const BLOCK_ELEMENTS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

/** Share of a paragraph's visible characters that must be link text for it to be a link list item. */
const LINK_ONLY_SHARE = 0.9;

const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

type Attributes = Record<string, string>;

function isHidden(attributes: Attributes): boolean {
  if ('hidden' in attributes) return true;
  const style = (attributes.style ?? '').replace(/\s+/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

type MutableHints = { -readonly [K in keyof DocumentHints]: DocumentHints[K] };

/** Reads the <meta>/<link> tags that state a page's own metadata. */
function readMetaTag(name: string, attributes: Attributes, hints: MutableHints, documentTitle: { og: string | null }) {
  if (name === 'link') {
    const rel = (attributes.rel ?? '').toLowerCase().split(/\s+/);
    if (rel.includes('canonical') && attributes.href) hints.url ??= canonicalHttpUrl(attributes.href);
    return;
  }
  const key = (attributes.property ?? attributes.name ?? attributes.itemprop ?? '').toLowerCase();
  const content = attributes.content?.trim();
  if (!content) return;
  switch (key) {
    case 'og:url':
      hints.url ??= canonicalHttpUrl(content);
      break;
    case 'og:title':
      documentTitle.og ??= content;
      break;
    case 'og:site_name':
      hints.siteName ??= content;
      break;
    case 'author':
    case 'article:author':
      // article:author is often a profile URL rather than a name.
      if (!/^https?:/i.test(content)) hints.author ??= content;
      break;
    case 'article:published_time':
    case 'datepublished':
    case 'pubdate':
    case 'publishdate':
    case 'date':
    case 'dc.date.issued':
    case 'parsely-pub-date':
      hints.publishedAt ??= content;
      break;
  }
}

/** "Ministers agree | Example Daily" -> "Ministers agree", when the page names its site. */
function withoutSiteName(title: string, siteName: string | null): string {
  if (siteName === null) return title;
  for (const separator of [' | ', ' - ', ' \u2013 ', ' \u2014 ', ' :: ']) {
    const suffix = `${separator}${siteName.trim()}`;
    if (title.toLowerCase().endsWith(suffix.toLowerCase())) return title.slice(0, -suffix.length).trim();
  }
  return title;
}

export interface HtmlReadOptions {
  /** Keep <header>/<footer> content everywhere (the fallback when removing it left nothing). */
  keepPageFurniture?: boolean;
}

export function htmlToDocument(html: string, options: HtmlReadOptions = {}): SourceDocument {
  const blocks: SourceBlock[] = [];
  const hints: MutableHints = { ...NO_HINTS };
  const documentTitle = { og: null as string | null, element: '' };

  /** Open elements, innermost last; htmlparser2 closes implied elements, so this stays balanced. */
  const open: Array<{ name: string; removed: boolean }> = [];
  let removedDepth = 0;
  let articleDepth = 0;
  let inTitle = false;

  let text = '';
  let links: string[] = [];
  let headingLevel = 0;
  let figureCaptionDepth = 0;
  let anchorDepth = 0;
  /** Non-space characters of the current paragraph, and how many of them are link text. */
  let visibleChars = 0;
  let linkChars = 0;

  const flush = () => {
    if (text.trim() !== '') {
      // Bullets and separators between links ("Story A | Story B") do not make it prose.
      const linkOnly = linkChars > 0 && linkChars >= LINK_ONLY_SHARE * visibleChars;
      blocks.push({ text, headingLevel, links, figureCaption: figureCaptionDepth > 0, linkOnly });
    }
    text = '';
    links = [];
    visibleChars = 0;
    linkChars = 0;
  };

  const isRemoved = (name: string, attributes: Attributes): boolean => {
    if (ALWAYS_REMOVED.has(name) || isHidden(attributes)) return true;
    return PAGE_FURNITURE.has(name) && articleDepth === 0 && !options.keepPageFurniture;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'meta' || name === 'link') readMetaTag(name, attributes, hints, documentTitle);
        // The document <title> lives in the (removed) <head>; an <svg> title is an icon label.
        if (name === 'title' && !open.some((element) => element.name === 'svg')) inTitle = true;
        const itemprop = (attributes.itemprop ?? '').toLowerCase();
        if (attributes.datetime && (itemprop === 'datepublished' || 'pubdate' in attributes)) {
          hints.publishedAt ??= attributes.datetime;
        }
        const removed = removedDepth > 0 || name === 'head' || isRemoved(name, attributes);
        open.push({ name, removed });
        if (removed) {
          removedDepth += 1;
          return;
        }
        if (ARTICLE_CONTAINERS.has(name)) articleDepth += 1;
        if (BLOCK_ELEMENTS.has(name)) flush();
        const level = HEADING_LEVEL[name];
        if (level !== undefined) headingLevel = level;
        if (name === 'figcaption') figureCaptionDepth += 1;
        if (name === 'a') {
          anchorDepth += 1;
          if (attributes.href) links.push(attributes.href);
        }
        // A line break inside a paragraph is kept as '\n' and decided later, like a line
        // break in plain text: "Caption<br>Credit" are two paragraphs, a wrapped line is one.
        if (name === 'br') text += '\n';
      },
      ontext(chunk) {
        if (inTitle) documentTitle.element += chunk;
        // Source line breaks in HTML are plain whitespace; only <br> breaks a line.
        else if (removedDepth === 0) {
          text += chunk.replace(/\s+/g, ' ');
          const visible = chunk.replace(/\s+/g, '').length;
          visibleChars += visible;
          if (anchorDepth > 0) linkChars += visible;
        }
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        // Pop to the matching element; htmlparser2 reports implied closes, so this is the top.
        let index = open.length - 1;
        while (index >= 0 && open[index]?.name !== name) index -= 1;
        if (index < 0) return;
        for (const element of open.splice(index).reverse()) {
          if (element.removed) {
            removedDepth -= 1;
            continue;
          }
          if (BLOCK_ELEMENTS.has(element.name)) flush();
          if (HEADING_LEVEL[element.name] !== undefined) headingLevel = 0;
          if (element.name === 'figcaption') figureCaptionDepth -= 1;
          if (element.name === 'a') anchorDepth -= 1;
          if (ARTICLE_CONTAINERS.has(element.name)) articleDepth -= 1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();

  const title = withoutSiteName(cleanInline(documentTitle.og ?? documentTitle.element), hints.siteName);
  hints.title = title === '' ? null : title;
  return { blocks, hints };
}

/**
 * htmlparser2 keeps its open-element stack with unshift, so each tag costs as much as the
 * nesting depth. Real pages nest a few dozen levels; thousands of levels (unclosed <font>,
 * hostile input) would take minutes, so such markup is flattened first.
 */
const MAX_NESTING_DEPTH = 500;
const ANY_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]{0,30})(?:[\s/][^<>]{0,5000})?>/g;
/** Elements that never nest: void, or closed implicitly by the next of their kind. */
const NON_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'tr',
  'td',
  'th',
  'option',
]);
/** Kept when flattening, so scripts and styles are still dropped and metadata still read. */
const KEPT_WHEN_FLATTENED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'br']);

function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [tag, slash, name = ''] of html.matchAll(ANY_TAG)) {
    if (NON_NESTING.has(name.toLowerCase()) || tag.endsWith('/>')) continue;
    depth = slash === '/' ? Math.max(0, depth - 1) : depth + 1;
    if (depth > deepest) deepest = depth;
  }
  return deepest;
}

/** Every block element becomes a paragraph break, every other tag goes: no nesting left. */
function flattenMarkup(html: string): string {
  return html.replace(ANY_TAG, (tag, _slash: string, name: string) => {
    const element = name.toLowerCase();
    if (KEPT_WHEN_FLATTENED.has(element)) return tag;
    return BLOCK_ELEMENTS.has(element) ? '<p>' : ' ';
  });
}

/**
 * HTML -> blocks; when dropping the page header/footer left no text at all (a page that
 * wraps everything in <header>, or never closes it), read it again keeping them.
 */
export function readHtml(source: string, options: { mainContent?: boolean } = {}): SourceDocument {
  const html = nestingDepth(source) > MAX_NESTING_DEPTH ? flattenMarkup(source) : source;
  const document = htmlToDocument(html);
  if (options.mainContent) {
    // A web page: the body is what Readability finds, the metadata what the whole page says.
    const main = findMainContent(html);
    if (main) {
      const body = htmlToDocument(main.html, { keepPageFurniture: true });
      if (body.blocks.length > 0) {
        // Readability sets the headline apart from the content; the page's own <h1> goes back
        // in front, where the title and dateline rules expect it.
        const headline = document.blocks.find((b) => b.headingLevel === 1);
        const has = (b: SourceBlock) => body.blocks.some((x) => x.text.trim() === b.text.trim());
        const blocks = headline && !has(headline) ? [headline, ...body.blocks] : body.blocks;
        return { blocks, hints: document.hints };
      }
    }
  }
  if (document.blocks.length > 0) return document;
  return htmlToDocument(html, { keepPageFurniture: true });
}
