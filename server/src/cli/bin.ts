/** Entry point for running the CLI from source (npm scripts use it through tsx). */
import { run } from './main.js';

const code = await run(process.argv.slice(2));
// Exit explicitly once output is flushed: the embedded PostgreSQL package's exit hook
// would otherwise replace the exit code.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
