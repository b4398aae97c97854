export { freePort } from '../../server/src/lib/ports.js';
