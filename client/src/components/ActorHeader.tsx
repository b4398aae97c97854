import { useQuery } from 'urql';
import { ActorCardDocument } from '../graphql/generated/graphql';

/** When the timeline follows one actor, who that is. */
export function ActorHeader({ actorId }: { actorId: string }) {
  const [result] = useQuery({ query: ActorCardDocument, variables: { id: actorId } });
  const node = result.data?.node;
  if (!node || !('name' in node)) return null;
  const otherNames = node.aliases.filter((alias) => alias !== node.name);
  return (
    <header className="actor-header">
      <h2>{node.name}</h2>
      <p className="muted">
        {node.description ?? node.kind.toLowerCase()}
        {otherNames.length > 0 && <> · also {otherNames.slice(0, 6).join(', ')}</>}
      </p>
    </header>
  );
}
