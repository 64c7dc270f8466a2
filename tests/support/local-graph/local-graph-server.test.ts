/**
 * The local Graph server answers as Microsoft's documentation says Graph does, for the endpoints
 * the store uses: checked with plain fetch, so the store's own code is not what is being trusted.
 */
import { startLocalGraph, type LocalGraph } from './local-graph-server';

let graph: LocalGraph;
let token: string;

/** The shapes of Graph answers these tests read. */
interface GraphBody {
  readonly value: Array<{ readonly eTag: string; readonly fields: Record<string, unknown> }>;
  readonly '@odata.nextLink': string;
  readonly '@odata.etag': string;
  readonly eTag: string;
  readonly fields: Record<string, unknown>;
  readonly error: { readonly code: string; readonly message: string };
  readonly responses: Array<{ readonly id: string; readonly status: number }>;
  readonly uploadUrl: string;
}

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: GraphBody }> {
  const response = await fetch(path.startsWith('http') ? path : `${graph.baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as GraphBody };
}

async function signIn(secret = graph.clientSecret): Promise<Response> {
  return fetch(graph.tokenUrl, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: graph.clientId, client_secret: secret, scope: 'https://graph.microsoft.com/.default', grant_type: 'client_credentials' }).toString(),
  });
}

beforeEach(async () => {
  graph = await startLocalGraph();
  token = ((await (await signIn()).json()) as { access_token: string }).access_token;
  const created = await call('POST', `/sites/${graph.siteId}/lists`, {
    displayName: 'Books',
    columns: [
      { name: 'Author', text: {}, indexed: true },
      { name: 'Genre', choice: { choices: ['fiction', 'poetry'] } },
      { name: 'Pages', number: {} },
    ],
    list: { template: 'genericList' },
  });
  expect(created.status).toBe(201);
  for (const [title, author] of [['A', "O'Brien"], ['B', 'Smith'], ['C', "O'Brien"], ['D', 'Jones'], ['E', "O'Brien"]]) {
    await call('POST', `/sites/${graph.siteId}/lists/Books/items`, { fields: { Title: title, Author: author, Genre: 'fiction', Pages: 100 } });
  }
});

afterEach(async () => {
  await graph.close();
});

const ITEMS = () => `/sites/${graph.siteId}/lists/Books/items`;

describe('local Graph server', () => {
  it('issues client-credentials tokens and refuses a wrong secret', async () => {
    const good = await signIn();
    expect(await good.json()).toEqual(expect.objectContaining({ token_type: 'Bearer', expires_in: 3599, access_token: expect.any(String) }));
    const bad = await signIn('nope');
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual(expect.objectContaining({ error: 'invalid_client' }));
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'Bearer forged'],
  ])('answers 401 to a request with %s', async (_label, authorization) => {
    const response = await fetch(`${graph.baseUrl}/sites/${graph.siteId}`, { headers: authorization ? { Authorization: authorization } : {} });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });

  it('pages with $top and @odata.nextLink until the last page', async () => {
    const first = await call('GET', `${ITEMS()}?expand=fields(select=Title)&$top=2`);
    expect(first.json.value.map((item) => item.fields.Title)).toEqual(['A', 'B']);
    expect(first.json.value[0].fields).toEqual({ '@odata.etag': expect.any(String), id: '1', Title: 'A' });
    const second = await call('GET', first.json['@odata.nextLink']);
    expect(second.json.value.map((item) => item.fields.Title)).toEqual(['C', 'D']);
    const third = await call('GET', second.json['@odata.nextLink']);
    expect(third.json.value.map((item) => item.fields.Title)).toEqual(['E']);
    expect(third.json['@odata.nextLink']).toBeUndefined();
  });

  it('filters on an indexed column with doubled quotes, and refuses a non-indexed one without the Prefer header', async () => {
    const byAuthor = await call('GET', `${ITEMS()}?expand=fields&$filter=${encodeURIComponent("fields/Author eq 'O''Brien'")}`);
    expect(byAuthor.json.value.map((item) => item.fields.Title)).toEqual(['A', 'C', 'E']);
    const byGenre = await call('GET', `${ITEMS()}?$filter=${encodeURIComponent("fields/Genre eq 'fiction'")}`);
    expect(byGenre.status).toBe(400);
    expect(byGenre.json.error.message).toContain('HonorNonIndexedQueriesWarningMayFailRandomly');
    const allowed = await call('GET', `${ITEMS()}?$filter=${encodeURIComponent("fields/Genre eq 'fiction'")}`, undefined, {
      Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly',
    });
    expect(allowed.json.value).toHaveLength(5);
  });

  it('changes the eTag on every update and answers 412 to a stale If-Match', async () => {
    const item = await call('GET', `${ITEMS()}/1?expand=fields`);
    const updated = await call('PATCH', `${ITEMS()}/1/fields`, { Pages: 120 }, { 'If-Match': item.json.eTag });
    expect(updated.status).toBe(200);
    expect(updated.json['@odata.etag']).not.toBe(item.json.eTag);
    const stale = await call('PATCH', `${ITEMS()}/1/fields`, { Pages: 130 }, { 'If-Match': item.json.eTag });
    expect(stale.status).toBe(412);
    expect((await call('GET', `${ITEMS()}/1?expand=fields`)).json.fields.Pages).toBe(120);
  });

  it('refuses unknown fields and values outside a choice column', async () => {
    expect((await call('POST', ITEMS(), { fields: { Title: 'F', Colour: 'red' } })).status).toBe(400);
    expect((await call('POST', ITEMS(), { fields: { Title: 'F', Genre: 'drama' } })).status).toBe(400);
  });

  it('runs a batch in dependsOn order, answering 424 after a failure, and refuses more than 20 requests', async () => {
    const answer = await call('POST', '/$batch', {
      requests: [
        { id: '1', method: 'PATCH', url: `${ITEMS()}/2/fields`, headers: { 'Content-Type': 'application/json', 'If-Match': '"stale,1"' }, body: { Pages: 1 } },
        { id: '2', method: 'PATCH', url: `${ITEMS()}/3/fields`, headers: { 'Content-Type': 'application/json' }, body: { Pages: 2 }, dependsOn: ['1'] },
        { id: '3', method: 'GET', url: `${ITEMS()}/4?expand=fields` },
      ],
    });
    expect(answer.json.responses.map((r) => [r.id, r.status])).toEqual([['1', 412], ['3', 200], ['2', 424]].sort());
    expect((await call('GET', `${ITEMS()}/3?expand=fields`)).json.fields.Pages).toBe(100);
    const tooMany = await call('POST', '/$batch', { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: ITEMS() })) });
    expect(tooMany.status).toBe(400);
  });

  it('checks upload-session fragments: 320 KiB multiples, in order, and no Authorization header', async () => {
    const session = await call('POST', `/sites/${graph.siteId}/drive/root:/Folder/big.docx:/createUploadSession`, { item: { '@microsoft.graph.conflictBehavior': 'replace' } });
    const put = (body: Buffer, range: string, headers: Record<string, string> = {}) =>
      fetch(session.json.uploadUrl, { method: 'PUT', headers: { 'Content-Range': range, ...headers }, body: Uint8Array.from(body) });
    expect((await put(Buffer.alloc(1000), 'bytes 0-999/700000')).status).toBe(400);
    expect((await put(Buffer.alloc(327_680), 'bytes 0-327679/700000', { Authorization: `Bearer ${token}` })).status).toBe(401);
    expect((await put(Buffer.alloc(327_680), 'bytes 327680-655359/700000')).status).toBe(416);
    expect((await put(Buffer.alloc(327_680), 'bytes 0-327679/700000')).status).toBe(202);
    expect((await put(Buffer.alloc(327_680), 'bytes 327680-655359/700000')).status).toBe(202);
    const last = await put(Buffer.alloc(44_640), 'bytes 655360-699999/700000');
    expect(last.status).toBe(201);
    expect(((await last.json()) as { size: number }).size).toBe(700_000);
  });
});
