import { describe, expect, it } from 'vitest';
import {
  type ExportProblem,
  exportParametersFromSearch,
  type ParsedExportRequest,
  parseExportParameters,
} from '../../../../server/src/export/export-parameters.js';
import { toGlobalId } from '../../../../server/src/graphql/global-id.js';

const actorRow = '0195f3a2-7c1e-7d3a-9b2f-1c2d3e4f5a6b';
const otherRow = '0195f3a2-7c1e-7d3a-9b2f-000000000002';
const actor = toGlobalId('Actor', actorRow);

/** Parses a query string the way GET /export does. */
function parse(query: string): ParsedExportRequest {
  const { parameters, problems } = exportParametersFromSearch(new URLSearchParams(query));
  const parsed = parseExportParameters(parameters);
  if (problems.length === 0) return parsed;
  return { ok: false, problems: [...problems, ...(parsed.ok ? [] : parsed.problems)] };
}

function problems(query: string): ExportProblem[] {
  const parsed = parse(query);
  if (parsed.ok) throw new Error(`expected problems for ${query}`);
  return parsed.problems;
}

describe('export parameters', () => {
  it('turn every parameter into the timeline filter, and describe it in the API’s words', () => {
    const parsed = parse(
      `format=csv&from=2017-02-01&to=2017-03-01T12:00:00%2B02:00&kind=Statement,MEETING&actor=${actor}` +
        '&q=%20nato%20dialogue%20&minSources=2&status=occurred&undated=1',
    );
    expect(parsed).toEqual({
      ok: true,
      request: {
        format: 'csv',
        filter: {
          from: new Date('2017-02-01T00:00:00Z'),
          to: new Date('2017-03-01T10:00:00Z'),
          kinds: ['STATEMENT', 'MEETING'],
          actorIds: [actorRow],
          text: 'nato dialogue',
          minSources: 2,
          status: ['OCCURRED'],
          includeUndated: true,
        },
        applied: {
          from: '2017-02-01T00:00:00.000Z',
          to: '2017-03-01T10:00:00.000Z',
          kinds: ['STATEMENT', 'MEETING'],
          actorIds: [actor],
          text: 'nato dialogue',
          minSources: 2,
          status: ['OCCURRED'],
          includeUndated: true,
        },
      },
    });
  });

  it('need only a format; empty values count as not given', () => {
    const expected = {
      ok: true,
      request: { format: 'json', filter: { includeUndated: false }, applied: { includeUndated: false } },
    };
    expect(parse('format=json')).toEqual(expected);
    expect(parse('format=JSON&from=&to=&kind=&actor=&q=&minSources=&status=&undated=')).toEqual(expected);
    expect(parse('format=timelinejs&undated=0')).toMatchObject({ ok: true, request: { format: 'timelinejs' } });
  });

  it('ignore everything else, such as the explorer’s view state', () => {
    expect(parse('format=csv&item=abc&group=kind&view=list&start=2017&end=2018&format2=x&FORMAT=json')).toMatchObject({
      ok: true,
      request: { format: 'csv', filter: { includeUndated: false } },
    });
  });

  it('take lists with spaces, repeats and trailing commas', () => {
    expect(parse('format=csv&kind= event , event,&status=SCHEDULED,occurred')).toMatchObject({
      ok: true,
      request: { filter: { kinds: ['EVENT'], status: ['SCHEDULED', 'OCCURRED'] } },
    });
    expect(parse('format=csv&status=postponed,Cancelled')).toMatchObject({
      ok: true,
      request: { filter: { status: ['POSTPONED', 'CANCELLED'] }, applied: { status: ['POSTPONED', 'CANCELLED'] } },
    });
    expect(parse(`format=csv&actor=${actor},${toGlobalId('Actor', otherRow)},${actor}`)).toMatchObject({
      ok: true,
      request: { filter: { actorIds: [actorRow, otherRow] } },
    });
  });

  it.each([
    ['no format', '', 'format', /"format" is required: csv, json, timelinejs/],
    ['an unknown format', 'format=xml', 'format', /"format" must be one of csv, json, timelinejs; got "xml"/],
    ['an impossible date', 'format=csv&from=2017-13-45', 'from', /"from" must be a date .*got "2017-13-45"/],
    ['30 February', 'format=csv&to=2017-02-30', 'to', /"to" must be a date/],
    ['a date-time with no offset', 'format=csv&from=2017-02-16T10:00', 'from', /"from" must be a date/],
    ['words for a date', 'format=csv&from=yesterday', 'from', /"from" must be a date/],
    ['from after to', 'format=csv&from=2018-01-01&to=2017-01-01', 'to', /"to" must be later than "from"/],
    ['from equal to to', 'format=csv&from=2018-01-01&to=2018-01-01', 'to', /"to" must be later than "from"/],
    [
      'an unknown kind',
      'format=csv&kind=statement,tweet',
      'kind',
      /"kind" must list statement, meeting, event .*"tweet" is not one/,
    ],
    [
      'an unknown status',
      'format=csv&status=delayed',
      'status',
      /"status" must list occurred, scheduled, postponed, cancelled/,
    ],
    [
      'a negative minSources',
      'format=csv&minSources=-1',
      'minSources',
      /"minSources" must be a whole number from 1 to 1000000; got "-1"/,
    ],
    ['a zero minSources', 'format=csv&minSources=0', 'minSources', /"minSources" must be a whole number/],
    ['an exponent', 'format=csv&minSources=1e9', 'minSources', /got "1e9"/],
    ['a huge minSources', 'format=csv&minSources=1000000000', 'minSources', /from 1 to 1000000/],
    ['a fraction', 'format=csv&minSources=1.5', 'minSources', /"minSources" must be a whole number/],
    [
      'a garbage actor',
      'format=csv&actor=garbage',
      'actor',
      /"actor" must list Actor ids as the API gives them; "garbage" is not one/,
    ],
    ['a raw uuid as actor', `format=csv&actor=${actorRow}`, 'actor', /is not one/],
    ['a Source id as actor', `format=csv&actor=${toGlobalId('Source', actorRow)}`, 'actor', /is the id of a Source/],
    [
      'a statement id as actor',
      `format=csv&actor=${toGlobalId('Statement', actorRow)}`,
      'actor',
      /is the id of a Statement/,
    ],
    ['a 600-character q', `format=csv&q=${'a'.repeat(600)}`, 'q', /"q" must be at most 500 characters \(got 600\)/],
    ['a NUL in q', 'format=csv&q=a%00b', 'q', /"q" must not contain NUL/],
    ['an odd undated', 'format=csv&undated=yes', 'undated', /"undated" must be 1 .* or 0; got "yes"/],
    ['a repeated format', 'format=csv&format=json', 'format', /"format" is given 2 times; give it once/],
    ['a repeated kind', 'format=csv&kind=event&kind=meeting', 'kind', /"kind" is given 2 times/],
  ])('refuse %s, naming the parameter', (_label, query, parameter, message) => {
    const found = problems(query);
    expect(found.map((p) => p.parameter)).toContain(parameter);
    expect(found.find((p) => p.parameter === parameter)?.message).toMatch(message);
  });

  it('report every problem at once', () => {
    const found = problems('format=pdf&from=2017-13-45&minSources=-1&actor=garbage&kind=tweet');
    expect(found.map((p) => p.parameter)).toEqual(['format', 'from', 'kind', 'actor', 'minSources']);
  });

  it('refuse more than 100 actors or kinds', () => {
    expect(problems(`format=csv&actor=${Array(101).fill(actor).join(',')}`)[0]?.message).toMatch(/at most 100/);
    expect(problems(`format=csv&kind=${Array(101).fill('event').join(',')}`)[0]?.message).toMatch(/at most 100/);
  });

  it('quote hostile input only briefly', () => {
    const [problem] = problems(`format=${'<script>'.repeat(100)}`);
    expect(problem?.message.length).toBeLessThan(150);
  });

  it('name the parameters as the caller spells them (the CLI’s flags)', () => {
    const parsed = parseExportParameters({ format: 'csv', minSources: 'many' }, (p) =>
      p === 'minSources' ? '--min-sources' : `--${p}`,
    );
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { parameter: 'minSources', message: '--min-sources must be a whole number from 1 to 1000000; got "many".' },
      ],
    });
  });
});
