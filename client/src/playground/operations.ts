/**
 * The tabs the playground opens with: runnable examples of the read API, in the spirit of
 * server/examples/read-api.graphql (which the contract test checks against the schema).
 */

/** Shown in the headers editor. GraphiQL sends it as JSON, so the placeholder key is
 * dropped by the fetcher rather than sent (it would be refused as an unknown key). */
export const placeholderAuthorization = 'Bearer <key>';

export const headersHint = JSON.stringify({ Authorization: placeholderAuthorization }, null, 2);

const timeline = `# Parley API playground: run with ▶ or Ctrl+Enter.
# To send an API key (needed when the server is
# not public), edit the Headers tab below: {"Authorization": "Bearer <key>"}

# The timeline in date order, a page at a time
# (pass pageInfo.endCursor as $after).
query Timeline($first: Int = 10, $after: String) {
  serverInfo {
    version
  }
  timeline(first: $first, after: $after) {
    totalCount
    nodes {
      __typename
      id
      title
      date {
        label
      }
      sourceCount
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
`;

const statement = `# A statement: its speaker, each source's wording
# and the passages that support it.
query StatementWithCitations($text: String) {
  timeline(first: 1, filter: { kinds: [STATEMENT], text: $text }) {
    nodes {
      id
      title
      date {
        label
      }
      ... on Statement {
        quote
        speaker {
          name
        }
        variants {
          text
          citation {
            source {
              publisher
            }
          }
        }
      }
      citations {
        excerpt
        source {
          title
          publisher
          url
          publishedAt {
            label
          }
        }
      }
    }
  }
}
`;

const meetings = `# An actor, found by part of a name, and the
# meetings they took part in.
query ActorMeetings($search: String = "mattis") {
  actors(search: $search, first: 1) {
    nodes {
      id
      name
      kind
      items(first: 20, filter: { kinds: [MEETING] }) {
        totalCount
        nodes {
          title
          date {
            label
          }
          place {
            name
            country
          }
          participants {
            role
            actor {
              name
            }
          }
          sourceCount
        }
      }
    }
  }
}
`;

export const defaultTabs = [
  { query: timeline, variables: '{\n  "first": 10\n}', headers: headersHint },
  { query: statement, variables: '{}', headers: headersHint },
  { query: meetings, variables: '{\n  "search": "mattis"\n}', headers: headersHint },
];
