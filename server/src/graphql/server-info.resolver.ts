import { Query, Resolver } from 'type-graphql';
import { EXTRACTOR_VERSION, PARLEY_VERSION } from '../version.js';
import { ServerInfo } from './server-info.type.js';

@Resolver(() => ServerInfo)
export class ServerInfoResolver {
  @Query(() => ServerInfo, { description: 'Version information about this server.' })
  serverInfo(): ServerInfo {
    return { version: PARLEY_VERSION, extractorVersion: EXTRACTOR_VERSION };
  }
}
