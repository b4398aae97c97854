/** Entry point for running the CLI from source (npm scripts use it through tsx). */
import { run } from './main.js';

process.exitCode = await run(process.argv.slice(2));
