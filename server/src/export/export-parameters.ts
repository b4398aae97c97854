/**
 * The export's parameters, shared by `GET /export` and `parley export` (and built by the
 * explorer, so the names are a contract): parsed here, without I/O, into the filter the
 * timeline service takes, or into every problem found, each naming its parameter.
 *
 * The rules are the API's (TimelineFilter): the same date syntax, id decoding, list and
 * text limits, so an export asks for exactly what a `timeline(filter)` query would.
 */
import type { ItemKind, ItemStatus } from '../generated/prisma/enums.js';
import { parseDateTime } from '../graphql/date-time.scalar.js';
import { parseGlobalId } from '../graphql/global-id.js';
import { MAX_LIST_LENGTH, MAX_MIN_SOURCES, MAX_TEXT_LENGTH } from '../services/pagination.js';
import type { TimelineFilterOptions } from '../services/timeline-filter.js';

export const exportFormats = ['csv', 'json', 'timelinejs'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const exportParameters = [
  'format',
  'from',
  'to',
  'kind',
  'actor',
  'q',
  'minSources',
  'status',
  'undated',
] as const;
export type ExportParameter = (typeof exportParameters)[number];

/** Each parameter's raw text, as given once. */
export type RawExportParameters = Partial<Record<ExportParameter, string>>;

export interface ExportProblem {
  parameter: ExportParameter;
  message: string;
}

/** The filter as applied, in the API's words (TimelineFilter's fields, global ids), for the export's own header. */
export interface AppliedExportFilter {
  from?: string;
  to?: string;
  kinds?: ItemKind[];
  actorIds?: string[];
  text?: string;
  minSources?: number;
  status?: ItemStatus[];
  includeUndated: boolean;
}

export interface ExportRequest {
  format: ExportFormat;
  /** For the timeline service: row ids, dates. */
  filter: TimelineFilterOptions;
  applied: AppliedExportFilter;
}

export type ParsedExportRequest = { ok: true; request: ExportRequest } | { ok: false; problems: ExportProblem[] };

const kindValues: Record<string, ItemKind> = { statement: 'STATEMENT', meeting: 'MEETING', event: 'EVENT' };
const statusValues: Record<string, ItemStatus> = {
  occurred: 'OCCURRED',
  scheduled: 'SCHEDULED',
  postponed: 'POSTPONED',
  cancelled: 'CANCELLED',
};
const MAX_SHOWN = 40;

/** User input quoted in a message, cut short: a problem must not echo a whole hostile string. */
function shown(value: string): string {
  return JSON.stringify(value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value);
}

/**
 * Our parameters from a URL query string. Anything else is ignored, so the explorer can pass
 * its own query (view state such as `item`, `group`, `start`) through. A parameter given
 * twice is a problem rather than a guess at which one was meant (lists are comma-separated).
 */
export function exportParametersFromSearch(search: URLSearchParams): {
  parameters: RawExportParameters;
  problems: ExportProblem[];
} {
  const parameters: RawExportParameters = {};
  const problems: ExportProblem[] = [];
  for (const name of exportParameters) {
    const values = search.getAll(name);
    if (values.length > 1)
      problems.push({
        parameter: name,
        message: `"${name}" is given ${values.length} times; give it once (lists are comma-separated).`,
      });
    else if (values.length === 1) parameters[name] = values[0];
  }
  return { parameters, problems };
}

/** Comma-separated entries, trimmed, empty ones dropped. */
function entries(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/**
 * Checks and converts every parameter and reports all problems at once. `label` names a
 * parameter in messages (`"minSources"` for the URL, `--min-sources` for the CLI). Empty
 * values count as not given, as a form with nothing ticked would send them.
 */
export function parseExportParameters(
  raw: RawExportParameters,
  label: (parameter: ExportParameter) => string = (parameter) => `"${parameter}"`,
): ParsedExportRequest {
  const problems: ExportProblem[] = [];
  const problem = (parameter: ExportParameter, message: string) => {
    problems.push({ parameter, message: `${label(parameter)} ${message}` });
  };
  const given = (parameter: ExportParameter): string | undefined => {
    const value = raw[parameter];
    return value === undefined || value.trim() === '' ? undefined : value;
  };

  let format: ExportFormat | undefined;
  const formatText = given('format');
  if (formatText === undefined) problem('format', `is required: ${exportFormats.join(', ')}.`);
  else {
    const lower = formatText.trim().toLowerCase();
    if ((exportFormats as readonly string[]).includes(lower)) format = lower as ExportFormat;
    else problem('format', `must be one of ${exportFormats.join(', ')}; got ${shown(formatText)}.`);
  }

  const date = (parameter: 'from' | 'to'): Date | undefined => {
    const text = given(parameter);
    if (text === undefined) return undefined;
    try {
      return parseDateTime(text.trim());
    } catch {
      problem(
        parameter,
        `must be a date (2017-02-16) or an ISO-8601 date-time with an offset (2017-02-16T09:30:00Z); got ${shown(text)}.`,
      );
      return undefined;
    }
  };
  const from = date('from');
  const to = date('to');
  if (from && to && from.getTime() >= to.getTime())
    problem('to', `must be later than ${label('from')} (items overlapping [from, to) are exported).`);

  const list = <T extends string>(parameter: ExportParameter, values: Record<string, T>): T[] | undefined => {
    const text = given(parameter);
    if (text === undefined) return undefined;
    const items = entries(text);
    if (items.length > MAX_LIST_LENGTH) {
      problem(parameter, `may list at most ${MAX_LIST_LENGTH} entries.`);
      return undefined;
    }
    const unknown = items.filter((v) => !Object.hasOwn(values, v.toLowerCase()));
    if (unknown.length > 0) {
      problem(
        parameter,
        `must list ${Object.keys(values).join(', ')} (comma-separated); ${unknown.map(shown).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not one.`,
      );
      return undefined;
    }
    return items.length === 0 ? undefined : [...new Set(items.map((v) => values[v.toLowerCase()] as T))];
  };
  const kinds = list('kind', kindValues);
  const status = list('status', statusValues);

  let actorIds: string[] | undefined;
  let actorGlobalIds: string[] | undefined;
  const actorText = given('actor');
  if (actorText !== undefined) {
    const ids = entries(actorText);
    if (ids.length > MAX_LIST_LENGTH) problem('actor', `may list at most ${MAX_LIST_LENGTH} actors.`);
    else {
      const rows: string[] = [];
      for (const id of ids) {
        const parsed = parseGlobalId(id);
        if (!parsed) problem('actor', `must list Actor ids as the API gives them; ${shown(id)} is not one.`);
        else if (parsed.type !== 'Actor')
          problem('actor', `must list Actor ids; ${shown(id)} is the id of a ${parsed.type}.`);
        else rows.push(parsed.id);
      }
      if (ids.length > 0 && rows.length === ids.length) {
        actorIds = [...new Set(rows)];
        actorGlobalIds = [...new Set(ids)];
      }
    }
  }

  let text: string | undefined;
  const q = raw.q;
  if (q !== undefined) {
    if (q.length > MAX_TEXT_LENGTH) problem('q', `must be at most ${MAX_TEXT_LENGTH} characters (got ${q.length}).`);
    else if (q.includes('\u0000')) problem('q', 'must not contain NUL characters.');
    else if (q.trim() !== '') text = q.trim();
  }

  let minSources: number | undefined;
  const minText = given('minSources');
  if (minText !== undefined) {
    const n = /^\d{1,7}$/.test(minText.trim()) ? Number(minText.trim()) : Number.NaN;
    if (!Number.isInteger(n) || n < 1 || n > MAX_MIN_SOURCES)
      problem('minSources', `must be a whole number from 1 to ${MAX_MIN_SOURCES}; got ${shown(minText)}.`);
    else minSources = n;
  }

  let includeUndated = false;
  const undatedText = given('undated');
  if (undatedText !== undefined) {
    const v = undatedText.trim().toLowerCase();
    if (v === '1' || v === 'true') includeUndated = true;
    else if (v !== '0' && v !== 'false')
      problem('undated', `must be 1 (include undated items) or 0; got ${shown(undatedText)}.`);
  }

  if (problems.length > 0 || format === undefined) return { ok: false, problems };

  const filter: TimelineFilterOptions = { includeUndated };
  const applied: AppliedExportFilter = { includeUndated };
  if (from) {
    filter.from = from;
    applied.from = from.toISOString();
  }
  if (to) {
    filter.to = to;
    applied.to = to.toISOString();
  }
  if (kinds) {
    filter.kinds = kinds;
    applied.kinds = kinds;
  }
  if (actorIds && actorGlobalIds) {
    filter.actorIds = actorIds;
    applied.actorIds = actorGlobalIds;
  }
  if (text !== undefined) {
    filter.text = text;
    applied.text = text;
  }
  if (minSources !== undefined) {
    filter.minSources = minSources;
    applied.minSources = minSources;
  }
  if (status) {
    filter.status = status;
    applied.status = status;
  }
  return { ok: true, request: { format, filter, applied } };
}
