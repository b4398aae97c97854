/**
 * Who published an article, from the host of its URL. Well-known outlets get their usual
 * name; any other site is named by its registrable domain ("example.org"), which is stable
 * across its subdomains and still tells a reader where the text came from.
 */
import { getDomain } from 'tldts';

/** Registrable domain (or a more specific host) -> the outlet's usual name. */
const PUBLISHER_BY_DOMAIN: Readonly<Record<string, string>> = {
  'abcnews.go.com': 'ABC News',
  'afp.com': 'Agence France-Presse',
  'aljazeera.com': 'Al Jazeera',
  'aljazeera.net': 'Al Jazeera',
  'apnews.com': 'Associated Press',
  'axios.com': 'Axios',
  'bbc.co.uk': 'BBC News',
  'bbc.com': 'BBC News',
  'bloomberg.com': 'Bloomberg',
  'breitbart.com': 'Breitbart',
  'businessinsider.com': 'Business Insider',
  'buzzfeednews.com': 'BuzzFeed News',
  'cbsnews.com': 'CBS News',
  'cnbc.com': 'CNBC',
  'cnn.com': 'CNN',
  'csmonitor.com': 'The Christian Science Monitor',
  'dailycaller.com': 'The Daily Caller',
  'dailymail.co.uk': 'Daily Mail',
  'dw.com': 'Deutsche Welle',
  'economist.com': 'The Economist',
  'foreignpolicy.com': 'Foreign Policy',
  'foxnews.com': 'Fox News',
  'france24.com': 'France 24',
  'ft.com': 'Financial Times',
  'haaretz.com': 'Haaretz',
  'huffingtonpost.com': 'HuffPost',
  'huffpost.com': 'HuffPost',
  'independent.co.uk': 'The Independent',
  'latimes.com': 'Los Angeles Times',
  'motherjones.com': 'Mother Jones',
  'msnbc.com': 'MSNBC',
  'nationalreview.com': 'National Review',
  'nbcnews.com': 'NBC News',
  'newsmax.com': 'Newsmax',
  'newsweek.com': 'Newsweek',
  'npr.org': 'NPR',
  'nypost.com': 'New York Post',
  'nytimes.com': 'The New York Times',
  'pbs.org': 'PBS',
  'politico.com': 'Politico',
  'politico.eu': 'Politico Europe',
  'reason.com': 'Reason',
  'reuters.com': 'Reuters',
  'rferl.org': 'Radio Free Europe/Radio Liberty',
  'rt.com': 'RT',
  'scmp.com': 'South China Morning Post',
  'slate.com': 'Slate',
  'tass.com': 'TASS',
  'telegraph.co.uk': 'The Telegraph',
  'theatlantic.com': 'The Atlantic',
  'theguardian.com': 'The Guardian',
  'thehill.com': 'The Hill',
  'theintercept.com': 'The Intercept',
  'themoscowtimes.com': 'The Moscow Times',
  'time.com': 'Time',
  'timesofisrael.com': 'The Times of Israel',
  'usatoday.com': 'USA Today',
  'vice.com': 'Vice',
  'vox.com': 'Vox',
  'washingtonexaminer.com': 'Washington Examiner',
  'washingtonpost.com': 'The Washington Post',
  'washingtontimes.com': 'The Washington Times',
  'wsj.com': 'The Wall Street Journal',
};

/** Every outlet name the table knows, for recognising an outlet line under a byline. */
export const KNOWN_PUBLISHER_NAMES: ReadonlySet<string> = new Set(
  Object.values(PUBLISHER_BY_DOMAIN).map((name) => name.toLowerCase()),
);

function hostOf(url: string): string | null {
  try {
    const host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
    return host === '' ? null : host;
  } catch {
    return null;
  }
}

/**
 * "politicalticker.blogs.cnn.com" -> "cnn.com"; "www.bbc.co.uk" -> "bbc.co.uk";
 * "news.abc.net.au" -> "abc.net.au": the registrable domain by the Public Suffix List
 * (tldts), so every country's second-level suffixes are known, not a hand-kept few.
 */
export function registrableDomain(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  return getDomain(host, { allowPrivateDomains: false }) ?? host;
}

export function publisherFromUrl(url: string): string | null {
  const host = hostOf(url);
  if (host === null) return null;
  const labels = host.split('.');
  // Most specific first, so a table entry for a host (abcnews.go.com) beats its domain.
  for (let i = 0; i < labels.length - 1; i += 1) {
    const name = PUBLISHER_BY_DOMAIN[labels.slice(i).join('.')];
    if (name !== undefined) return name;
  }
  return registrableDomain(host);
}
