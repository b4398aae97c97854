/**
 * Extraction quality on the seed corpus, scored against the gold annotations beside each
 * article: the thresholds the product promises (statement precision >= 0.9, recall >=
 * 0.85, date accuracy >= 0.9). A regression in extraction fails here.
 */
import { describe, expect, inject, it } from 'vitest';
import { runEvaluation } from '../../../server/src/cli/eval.js';
import { createLogger } from '../../../server/src/lib/logger.js';
import { seedArticlesDir } from '../../../server/src/services/load-seeds.js';

describe('extraction evaluation on the seed corpus', () => {
  it('meets the statement precision, recall and date accuracy thresholds', async () => {
    const { summary } = await runEvaluation({
      dir: seedArticlesDir,
      logger: createLogger('silent'),
      databaseUrl: inject('adminDatabaseUrl'),
    });
    const statements = summary.statements;
    expect(statements.precision).toBeGreaterThanOrEqual(0.9);
    expect(statements.recall).toBeGreaterThanOrEqual(0.85);
    expect(summary.overall.dateAccuracy).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
