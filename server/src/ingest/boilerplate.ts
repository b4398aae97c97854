/**
 * Page furniture that scrapers copy along with an article. Matching paragraphs are left out
 * of Article.text (they stay in rawText): extraction must never quote "Subscribe to
 * continue", and a "7 years ago" stamp would date events to the day of the scrape.
 *
 * Patterns run on one cleaned paragraph (single spaces, trimmed) at a time, and only on
 * short ones, so each is anchored and bounded. URL label lines ("Original url:") are also
 * dropped, but they carry metadata and live in article-urls.ts.
 */

export interface BoilerplateRule {
  /** What the rule recognises, for tests and debugging. */
  name: string;
  pattern: RegExp;
  /**
   * PARAGRAPH: the whole paragraph is furniture. PREFIX: furniture glued to the start of a
   * real paragraph (a player notice before a caption); only the match is cut.
   */
  removes: 'PARAGRAPH' | 'PREFIX';
}

/** Longer paragraphs are prose: no furniture line runs this long. */
export const MAX_BOILERPLATE_LENGTH = 400;

const TIME_OF_DAY = String.raw`\d{1,2}(?::\d{2}){0,2} ?(?:[ap]\.? ?m\.?)?(?: ?[a-z]{2,4})?`;
const STAMP_LABEL = `(?:first published|published|posted|last updated|updated|last modified|modified)`;
const STAMP = `${STAMP_LABEL}(?: (?:on|at))? ?:? ?(?:${TIME_OF_DAY})?`;
const SHARE_WORD = `(?:share(?: this)?|facebook|twitter|pinterest|whatsapp|linkedin|reddit|e-?mail|messenger|print|copy link|flipboard|comments?)`;

export const BOILERPLATE: readonly BoilerplateRule[] = [
  { name: 'skip link', removes: 'PARAGRAPH', pattern: /^skip (?:to|navigation)\b.{0,40}$/i },
  {
    name: 'advertisement slot',
    removes: 'PARAGRAPH',
    pattern:
      /^(?:advertisement|advertising|advert|ads?|sponsored(?: content)?|paid content|(?:story|article) continues (?:below|after)(?: (?:this )?advertisement)?|continue reading(?: below| the main story)?|scroll to continue(?: with content)?)$/i,
  },
  { name: 'lone author label', removes: 'PARAGRAPH', pattern: /^(?:authors?|by|byline):?$/i },
  // "PUBLISHED: | UPDATED:", "Updated at 10:30 a.m. ET": a stamp whose date the scraper lost.
  {
    name: 'publication stamp without a date',
    removes: 'PARAGRAPH',
    pattern: new RegExp(String.raw`^${STAMP} ?(?:\| ?${STAMP})?\.?$`, 'i'),
  },
  {
    name: 'paywall counter',
    removes: 'PARAGRAPH',
    pattern: /^you(?:'|\u2019)?ve read\b.{0,80}\b(?:articles?|stories)\b.{0,120}$/i,
  },
  {
    name: 'paywall prompt',
    removes: 'PARAGRAPH',
    pattern:
      /^(?:(?:subscribe|sign in|log in|register) to (?:continue|read|keep reading)|already a subscriber|to continue reading|you have (?:\d+|one|two|three) (?:free )?(?:articles?|stories) (?:left|remaining)|this (?:article|content|story) is (?:only )?(?:available )?(?:for|to) (?:subscribers|members))\b.{0,160}$/i,
  },
  {
    name: 'media player notice',
    removes: 'PREFIX',
    pattern: /^media playback is (?:unsupported|not supported) on your device\.? ?/i,
  },
  {
    name: 'media player timer',
    removes: 'PARAGRAPH',
    pattern: /^(?:listen|watch|play)(?: video| audio)? ?·? ?\d{1,2}:\d{2}(?: \d{1,2}:\d{2})?$/i,
  },
  { name: 'enlarge image control', removes: 'PREFIX', pattern: /^enlarge this image ?/i },
  // Share buttons glued before a caption ("Facebook Twitter Pinterest Emmerson Mnangagwa ...").
  { name: 'share buttons', removes: 'PREFIX', pattern: new RegExp(`^(?:${SHARE_WORD}[ |·•]{1,3}){3,}`, 'i') },
  {
    name: 'share prompt',
    removes: 'PARAGRAPH',
    pattern: new RegExp(
      String.raw`^(?:${SHARE_WORD}(?: ?[|·•]? ?${SHARE_WORD}){0,8}|(?:read or )?share this (?:story|article|page)\b.{0,200}|share on \w+)$`,
      'i',
    ),
  },
  {
    name: 'newsletter prompt',
    removes: 'PARAGRAPH',
    pattern:
      /^(?:(?:sign up|subscribe|register)\b.{0,100}\b(?:newsletters?|alerts?|updates|inbox|briefing)\b.{0,100}|(?:get|receive) (?:the|our)\b.{0,60}\b(?:newsletter|alerts?)\b.{0,60}|manage newsletters)$/i,
  },
  {
    name: 'app or click-through promo',
    removes: 'PARAGRAPH',
    pattern:
      /^(?:click here to (?:get|download|subscribe|sign up|watch|listen)\b.{0,100}|(?:download|get) (?:the|our) .{0,40}\bapp\b.{0,40}|.{0,150}\bclick here\.?)$/i,
  },
  {
    name: 'social follow prompt',
    removes: 'PARAGRAPH',
    pattern: /^follow (?:us\b|@\w|[\w ]{1,40} on (?:twitter|facebook|instagram|x)\b).{0,150}$/i,
  },
  {
    name: 'cookie notice',
    removes: 'PARAGRAPH',
    pattern:
      /^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:site|website)|(?:accept|manage) (?:all )?cookies|cookie (?:policy|settings|preferences))\b.{0,300}$/i,
  },
  { name: 'copyright notice', removes: 'PARAGRAPH', pattern: /^(?:copyright\b|©|\(c\) \d{4}).{0,200}$/i },
  // Relative to the day the page was scraped, not to the article: worse than no date.
  {
    name: 'scrape-relative age',
    removes: 'PARAGRAPH',
    pattern:
      /^(?:(?:posted|published|updated) )?\d{1,3} (?:seconds?|minutes?|hours?|days?|weeks?|months?|years?) ago$/i,
  },
  {
    name: 'stale-article banner',
    removes: 'PARAGRAPH',
    pattern: /^this (?:article|story) is (?:more than|over) (?:\d+|a|an|one) (?:days?|weeks?|months?|years?) old$/i,
  },
  {
    name: 'slideshow counter',
    removes: 'PARAGRAPH',
    pattern: /^(?:slideshow|gallery|photos?|images?|videos?) ?\(\d{1,4} (?:images?|photos?|pictures?|videos?)\)$/i,
  },
  { name: 'CMS shortcode', removes: 'PARAGRAPH', pattern: /^\[\/?[a-z][a-z_-]{0,30}\]$/i },
  {
    name: 'player or loader chrome',
    removes: 'PARAGRAPH',
    pattern: /^(?:loading(?:\.\.\.|\u2026)?|listen to (?:this )?(?:article|story)\b.{0,40}|all rights reserved\.?)$/i,
  },
  { name: 'wire trust notice', removes: 'PARAGRAPH', pattern: /^our standards: .{0,80}trust principles\.?$/i },
];

/**
 * Cuts furniture prefixes off a paragraph, then says whether what is left is furniture.
 * Returns the paragraph text to keep, or null when the whole paragraph is boilerplate.
 */
export function stripBoilerplate(text: string): string | null {
  if (text.length > MAX_BOILERPLATE_LENGTH * 4) return text;
  let current = text;
  for (const rule of BOILERPLATE) {
    if (rule.removes !== 'PREFIX') continue;
    const match = rule.pattern.exec(current);
    if (match !== null) current = current.slice(match[0].length).trim();
  }
  if (current === '') return null;
  return isBoilerplateParagraph(current) ? null : current;
}

export function isBoilerplateParagraph(text: string): boolean {
  if (text.length > MAX_BOILERPLATE_LENGTH) return false;
  return BOILERPLATE.some((rule) => rule.removes === 'PARAGRAPH' && rule.pattern.test(text));
}
