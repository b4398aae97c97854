/**
 * The printed schema against the public contract (server/contract/api-contract.graphql)
 * and against the committed server/schema.graphql, which clients generate types from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, findBreakingChanges, parse, validate } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../../../../server/src/config.js';
import { printParleySchema } from '../../../../server/src/graphql/print-schema.js';

const contractFile = join(repoRoot, 'server', 'contract', 'api-contract.graphql');
const committedFile = join(repoRoot, 'server', 'schema.graphql');
const examplesFile = join(repoRoot, 'server', 'examples', 'read-api.graphql');

/** Breaking changes against the contract that are accepted: none. */
const owed: string[] = [];

describe('GraphQL schema', () => {
  let printed: string;
  beforeAll(async () => {
    printed = await printParleySchema();
  });

  it('is committed as printed (run `npm run build -w @parley/server` and commit server/schema.graphql)', () => {
    expect(readFileSync(committedFile, 'utf8')).toBe(printed);
  });

  it('keeps every type, field and argument of the public contract', () => {
    const contract = buildSchema(readFileSync(contractFile, 'utf8'));
    const breaking = findBreakingChanges(contract, buildSchema(printed)).map((c) => `${c.type}: ${c.description}`);
    expect(breaking).toEqual(owed);
  });

  it('would notice a breaking change (the check above is not vacuous)', () => {
    const contract = buildSchema(readFileSync(contractFile, 'utf8'));
    const broken = buildSchema(printed.replace('  sourceCount: Int!\n', '  sourceCount: Int\n'));
    const breaking = findBreakingChanges(contract, broken).map((c) => c.description);
    expect(breaking).toContain('Event.sourceCount changed type from Int! to Int.');
  });

  it('runs the example operations beside it', () => {
    const errors = validate(buildSchema(printed), parse(readFileSync(examplesFile, 'utf8')));
    expect(errors.map((e) => e.message)).toEqual([]);
  });
});
