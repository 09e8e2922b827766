/** What the kiosk and the board share: GraphQL over the gateway they are served from, and Vietnamese formatting. */

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One operation against the gateway's API, without sign-in (the kiosk and the board are public). */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer<T>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLAnswer<T>;
}

/** The centre the page is for: `?centre=27-TTHCC`. */
export const centreCode = () => new URLSearchParams(location.search).get('centre') ?? '';

export const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** An element with text (never HTML: what the API answers is shown as text). */
export function el(tag: string, text?: string | number | null, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

export const percent = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toLocaleString('vi-VN')}%`);

/** `16:30 20/11/2026`, as read in Vietnam. */
export const when = (iso: string | null | undefined) =>
  iso
    ? new Date(iso).toLocaleString('vi-VN', {
        timeZone: 'Asia/Ho_Chi_Minh',
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

/** A unique id for a request, so a retried tap is not a second ticket or rating. */
export const requestId = () => crypto.randomUUID();
