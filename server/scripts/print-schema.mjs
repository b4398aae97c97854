// Writes server/schema.graphql from the built server (run by `npm run build` after tsc).
// The committed file is what clients generate their types from; a test fails when it is
// stale or breaks the public contract (server/contract/api-contract.graphql).
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const { printParleySchema } = await import('../dist/graphql/print-schema.js');
const target = join(here, '..', 'schema.graphql');
writeFileSync(target, await printParleySchema());
console.log(`wrote ${target}`);
