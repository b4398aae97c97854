/**
 * News agencies credited for an article's reporting. Read only from credit lines and the
 * opening dateline: an agency named in the story itself ("according to Reuters") is a
 * source of a claim, not a contributor to the text.
 */

const WIRE_SERVICES: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: 'Associated Press', pattern: /\bAssociated Press\b|\bAP\b/ },
  { name: 'Reuters', pattern: /\bReuters\b/i },
  { name: 'Agence France-Presse', pattern: /\bAgence France[- ]Presse\b|\bAFP\b/ },
  { name: 'United Press International', pattern: /\bUnited Press International\b|\bUPI\b/ },
  { name: 'Bloomberg', pattern: /\bBloomberg(?: News)?\b/ },
  { name: 'Deutsche Presse-Agentur', pattern: /\bDeutsche Presse-Agentur\b|\bdpa\b/ },
  { name: 'Xinhua', pattern: /\bXinhua\b/ },
  { name: 'Kyodo News', pattern: /\bKyodo\b/ },
  { name: 'Press Trust of India', pattern: /\bPress Trust of India\b|\bPTI\b/ },
];

/** The agencies named in a credit, in the order they are named, each once. */
export function wireServicesIn(credit: string): string[] {
  const found: Array<{ name: string; index: number }> = [];
  for (const { name, pattern } of WIRE_SERVICES) {
    const index = credit.search(pattern);
    if (index >= 0) found.push({ name, index });
  }
  return found.sort((a, b) => a.index - b.index).map(({ name }) => name);
}
