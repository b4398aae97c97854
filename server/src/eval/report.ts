/**
 * Renders evaluation results: a table for people, one JSON document for tools, and with
 * `verbose` the per-article misses and false positives a developer tunes against. Pure.
 */
import {
  type ArticleScore,
  type EvaluationSummary,
  type ExtractedDate,
  type ExtractedEvent,
  type ExtractedMeeting,
  type ExtractedStatement,
  type GoldDated,
  type GoldEvent,
  type GoldMeeting,
  type GoldStatement,
  type KindSummary,
  RECORD_KINDS,
  type RecordKind,
  summarize,
} from './score.js';

/** One article's outcome: its score, plus what ingestion said about it. */
export interface ArticleEvaluation {
  article: string;
  /** Null when ingestion failed. */
  sourceId: string | null;
  /** Why ingestion failed; the article is then scored as if nothing had been extracted. */
  error: string | null;
  warnings: { code: string; message: string }[];
  score: ArticleScore;
}

const MAX_SNIPPET = 110;

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SNIPPET ? `${flat.slice(0, MAX_SNIPPET - 1)}…` : flat;
}

const number = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));
const fraction = (correct: number, total: number, accuracy: number | null) =>
  `${number(accuracy)} (${correct}/${total})`;

function goldDate(item: GoldDated): string {
  return item.date === null ? 'undated' : `${item.date} ${item.precision}`;
}

function extractedDate(date: ExtractedDate | null): string {
  return date === null ? 'undated' : `${date.start} ${date.precision}`;
}

function describeGold(kind: RecordKind, item: GoldStatement | GoldMeeting | GoldEvent): string {
  switch (kind) {
    case 'statements': {
      const statement = item as GoldStatement;
      return `${statement.speaker}: "${snippet(statement.quote)}" [${goldDate(statement)}]`;
    }
    case 'meetings': {
      const meeting = item as GoldMeeting;
      const place = meeting.place ? `${meeting.place}, ` : '';
      return `${meeting.participants.join(' + ')} (${place}${meeting.status}) [${goldDate(meeting)}]`;
    }
    case 'events': {
      const event = item as GoldEvent;
      return `${event.actors.join(', ') || '(no actors)'}: ${snippet(event.description)} [${goldDate(event)}]`;
    }
  }
}

function describeExtracted(kind: RecordKind, record: ExtractedStatement | ExtractedMeeting | ExtractedEvent): string {
  switch (kind) {
    case 'statements': {
      const statement = record as ExtractedStatement;
      return `${statement.speakerName || '(no speaker)'}: "${snippet(statement.quote)}" [${extractedDate(statement.date)}]`;
    }
    case 'meetings': {
      const meeting = record as ExtractedMeeting;
      const people = meeting.participantNames.map((names) => names[0] ?? '?').join(' + ') || '(no participants)';
      const place = meeting.place ? `${meeting.place}, ` : '';
      return `${people} (${place}${meeting.status}) [${extractedDate(meeting.date)}]`;
    }
    case 'events': {
      const event = record as ExtractedEvent;
      const actors = event.actorNames.map((names) => names[0] ?? '?').join(', ') || '(no actors)';
      const at = event.start !== null ? ` @${event.start}-${event.end ?? '?'}` : '';
      return `${actors}: "${snippet(event.excerpt)}"${at} [${extractedDate(event.date)}]`;
    }
  }
}

function tableRow(label: string, row: KindSummary): string {
  return [
    label.padEnd(12),
    number(row.precision).padStart(6),
    number(row.recall).padStart(6),
    number(row.f1).padStart(6),
    String(row.tp).padStart(5),
    String(row.fp).padStart(5),
    String(row.fn).padStart(5),
    `  ${fraction(row.dateCorrect, row.dateTotal, row.dateAccuracy)}`,
  ].join(' ');
}

export function formatSummaryTable(summary: EvaluationSummary): string {
  const header = ['kind'.padEnd(12), 'P'.padStart(6), 'R'.padStart(6), 'F1'.padStart(6)]
    .concat(['TP', 'FP', 'FN'].map((h) => h.padStart(5)))
    .concat(['  date accuracy'])
    .join(' ');
  return [
    header,
    ...RECORD_KINDS.map((kind) => tableRow(kind, summary[kind])),
    tableRow('all', summary.overall),
    '',
    `Overall date accuracy: ${fraction(summary.overall.dateCorrect, summary.overall.dateTotal, summary.overall.dateAccuracy)}`,
    `Speaker accuracy on found quotes: ${fraction(summary.speakers.correct, summary.speakers.total, summary.speakers.accuracy)}`,
  ].join('\n');
}

/** Scores per topic (from the gold files); articles without a topic are grouped as "(none)". */
export function summarizeByTopic(articles: readonly ArticleEvaluation[]): [string, EvaluationSummary][] {
  const groups = new Map<string, ArticleScore[]>();
  for (const article of articles) {
    const topic = article.score.topic ?? '(none)';
    groups.set(topic, [...(groups.get(topic) ?? []), article.score]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, scores]) => [topic, summarize(scores)]);
}

export function formatTopicTable(articles: readonly ArticleEvaluation[]): string {
  const header = [
    'topic'.padEnd(14),
    'n'.padStart(3),
    'stmt P'.padStart(7),
    'stmt R'.padStart(7),
    'speaker'.padStart(8),
    'meet P'.padStart(7),
    'meet R'.padStart(7),
    'event P'.padStart(8),
    'event R'.padStart(8),
    'dates'.padStart(6),
  ].join(' ');
  const rows = summarizeByTopic(articles).map(([topic, s]) =>
    [
      topic.padEnd(14),
      String(s.articles).padStart(3),
      number(s.statements.precision).padStart(7),
      number(s.statements.recall).padStart(7),
      number(s.speakers.accuracy).padStart(8),
      number(s.meetings.precision).padStart(7),
      number(s.meetings.recall).padStart(7),
      number(s.events.precision).padStart(8),
      number(s.events.recall).padStart(8),
      number(s.overall.dateAccuracy).padStart(6),
    ].join(' '),
  );
  return [header, ...rows].join('\n');
}

export function formatArticleDetails(evaluation: ArticleEvaluation): string {
  const { score } = evaluation;
  const counts = RECORD_KINDS.map((kind) => {
    const s = score[kind];
    return `${kind} ${s.tp} TP / ${s.fp} FP / ${s.fn} FN`;
  }).join(', ');
  const lines = [`== ${evaluation.article}: ${counts}`];
  if (evaluation.error) lines.push(`  INGEST FAILED: ${evaluation.error}`);
  for (const warning of evaluation.warnings) lines.push(`  warning ${warning.code}: ${snippet(warning.message)}`);
  for (const kind of RECORD_KINDS) {
    const s = score[kind];
    const wrongDates = s.matches.filter((match) => !match.gold.optional && !match.dateCorrect);
    const wrongSpeakers = kind === 'statements' ? score.speakers.wrong.length : 0;
    if (s.misses.length + s.falsePositives.length + wrongDates.length + wrongSpeakers === 0) continue;
    lines.push(`  ${kind}`);
    if (kind === 'statements') {
      for (const wrong of score.speakers.wrong) {
        lines.push(
          `    wrong who   ${describeGold(kind, wrong.gold)} got ${wrong.extracted.speakerName || '(no speaker)'}`,
        );
      }
    }
    for (const miss of s.misses) lines.push(`    missed      ${describeGold(kind, miss)}`);
    for (const record of s.falsePositives) lines.push(`    false pos.  ${describeExtracted(kind, record)}`);
    for (const match of wrongDates) {
      lines.push(
        `    wrong date  ${describeGold(kind, match.gold)} got ${extractedDate((match.extracted as { date: ExtractedDate | null }).date)}`,
      );
    }
  }
  return lines.join('\n');
}

export interface ReportInput {
  dir: string;
  summary: EvaluationSummary;
  articles: ArticleEvaluation[];
  verbose?: boolean;
}

export function formatTextReport(input: ReportInput): string {
  const failed = input.articles.filter((article) => article.error !== null);
  const parts = [`Extraction evaluation: ${input.summary.articles} articles in ${input.dir}`, ''];
  if (failed.length > 0) {
    parts.push(`${failed.length} article(s) failed to ingest and count as extracting nothing:`);
    for (const article of failed) parts.push(`  ${article.article}: ${article.error}`);
    parts.push('');
  }
  parts.push(formatSummaryTable(input.summary));
  if (input.articles.some((article) => article.score.topic !== null)) parts.push('', formatTopicTable(input.articles));
  if (input.verbose) {
    parts.push('');
    for (const article of input.articles) parts.push(formatArticleDetails(article), '');
  }
  return `${parts.join('\n').trimEnd()}\n`;
}

/** One JSON document: the summary, and per article its counts and (with verbose) its misses and false positives. */
export function formatJsonReport(input: ReportInput): string {
  const articles = input.articles.map((article) => {
    const kinds = Object.fromEntries(
      RECORD_KINDS.map((kind) => {
        const s = article.score[kind];
        const counts = { tp: s.tp, fp: s.fp, fn: s.fn, dateCorrect: s.dateCorrect, dateTotal: s.dateTotal };
        if (!input.verbose) return [kind, counts];
        return [
          kind,
          {
            ...counts,
            misses: s.misses,
            falsePositives: s.falsePositives,
            wrongDates: s.matches
              .filter((match) => !match.gold.optional && !match.dateCorrect)
              .map((match) => ({ gold: match.gold, extracted: match.extracted })),
          },
        ];
      }),
    );
    return {
      article: article.article,
      topic: article.score.topic,
      speakers: { correct: article.score.speakers.correct, total: article.score.speakers.total },
      sourceId: article.sourceId,
      error: article.error,
      warnings: article.warnings,
      ...kinds,
    };
  });
  const topics = Object.fromEntries(summarizeByTopic(input.articles));
  return `${JSON.stringify({ dir: input.dir, summary: input.summary, topics, articles }, null, 2)}\n`;
}
