/**
 * Pointers to other stories inside an article: "Related article: ...", "Read more: ...",
 * "SEE ALSO: ...", the all-caps teaser headlines some outlets drop between paragraphs.
 * They are kept as RELATED paragraphs so extraction skips them, and their URLs are recorded
 * so they can never be taken for this article's own address or date.
 */

/** A label, a colon and (usually) the linked headline: "Related article: U.S. Pushes ...". */
const LABELLED =
  /^(?:related(?: (?:articles?|stories|story|coverage|content|links?|reading|news|video))?|read (?:more|next|also)|also read|see also|recommended(?: (?:stories|reading|articles))?|you (?:may|might) also (?:like|be interested in)|more (?:from|on) [^:]{1,40}|more|read|watch|watch more)\s?:/i;
/** A section label standing alone above a list of links. */
const LABEL_ALONE =
  /^(?:related(?: (?:articles?|stories|coverage|content|links?|reading|news))?|read more|see also|recommended(?: (?:stories|reading|articles))?|more stories|more on this story)$/i;
/** "(Click here for related updates.)", "Click for more from Sky News". */
const CLICK_FOR_MORE = /^\(?click (?:here )?for (?:more|related)\b.{0,150}$/i;
/** The Guardian's in-text teasers end with the link text "Read more". */
const TEASER_SUFFIX = /\bread more$/i;

const MAX_TEASER_LENGTH = 250;
/** Teaser headlines in capitals are short but not one or two words (those are subheads). */
const MIN_CAPITALIZED_TEASER_WORDS = 5;

/** A line that starts with a related-content label ("Read more: ...", "See also"). */
export function startsWithRelatedLabel(text: string): boolean {
  return (
    text.length <= MAX_TEASER_LENGTH * 2 && (LABELLED.test(text) || LABEL_ALONE.test(text) || CLICK_FOR_MORE.test(text))
  );
}

export function isRelatedLine(text: string): boolean {
  return startsWithRelatedLabel(text) || (text.length <= MAX_TEASER_LENGTH && TEASER_SUFFIX.test(text));
}

/**
 * "HONG KONG SUSPENDS CONTROVERSIAL EXTRADITION BILL AFTER ...": a headline in capitals in
 * the middle of a story is a link to another story, not a statement of this one.
 */
export function isCapitalizedTeaser(text: string): boolean {
  if (text.length > MAX_TEASER_LENGTH || /\p{Ll}/u.test(text) || /[.:]$/.test(text)) return false;
  const words = text.split(' ').filter((word) => /\p{Lu}{2}/u.test(word));
  return words.length >= MIN_CAPITALIZED_TEASER_WORDS;
}

/** Link targets that point at the page itself or nowhere. */
export function isUsableLink(href: string): boolean {
  return /^https?:\/\//i.test(href.trim());
}
