/**
 * Near-duplicate articles: the same body in other formatting (hard-wrapped plain text vs
 * markdown, boilerplate added or dropped). A 64-bit SimHash over word 3-shingles finds
 * candidates through four 16-bit bands (near-duplicates share at least one); the Jaccard
 * similarity of the shingle sets then decides.
 */
import { createHash } from 'node:crypto';

export const NEAR_DUPLICATE_JACCARD = 0.8;

function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[‘’“”"'`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function shingles(text: string, size = 3): Set<string> {
  const w = words(text);
  const set = new Set<string>();
  for (let i = 0; i + size <= w.length; i += 1) set.add(w.slice(i, i + size).join(' '));
  if (set.size === 0 && w.length > 0) set.add(w.join(' '));
  return set;
}

function hash64(value: string): bigint {
  return createHash('md5').update(value).digest().readBigUInt64BE(0);
}

/** SimHash as a signed 64-bit integer (PostgreSQL bigint). */
export function simhash(text: string): bigint {
  const counts = new Array<number>(64).fill(0);
  for (const shingle of shingles(text)) {
    const h = hash64(shingle);
    for (let bit = 0; bit < 64; bit += 1) counts[bit] = (counts[bit] as number) + ((h >> BigInt(bit)) & 1n ? 1 : -1);
  }
  let value = 0n;
  for (let bit = 0; bit < 64; bit += 1) if ((counts[bit] as number) > 0) value |= 1n << BigInt(bit);
  return BigInt.asIntN(64, value);
}

/** Four 16-bit bands, each tagged with its position so equal values in different bands differ. */
export function fingerprintBands(fingerprint: bigint): number[] {
  const unsigned = BigInt.asUintN(64, fingerprint);
  return [0, 1, 2, 3].map((band) => band * 65536 + Number((unsigned >> BigInt(band * 16)) & 0xffffn));
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) shared += 1;
  return shared / (a.size + b.size - shared);
}
