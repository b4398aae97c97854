import type { PrismaClient } from '../lib/db.js';
import type { Logger } from '../lib/logger.js';

/** What every resolver receives; built per request. */
export interface GraphQLContext {
  prisma: PrismaClient;
  logger: Logger;
  requestId: string;
}
