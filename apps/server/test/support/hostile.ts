import type { Random } from '../../src/demo/random.js';

/** A JSON value as a request body holds it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * A text no response may carry back unescaped: a page that shows it raw has an injection
 * hole. Every hostile list below includes it.
 */
export const ECHO_MARKER = '<polku-echo>';

/** Texts a broken client, a fuzzer or an attacker sends in a JSON field or a form field. */
export const hostileTexts: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\ud800',
  'lone \udc00 low',
  '\ud83d\udca9 pile',
  '\ufeffbom',
  '\u202eright-to-left',
  '\u0001\u0008\u001f\u007f controls',
  'line\r\nbreak',
  'e\u0301 combining',
  'x'.repeat(70_000),
  ECHO_MARKER,
  `"><script>alert(1)</script>${ECHO_MARKER}`,
  "' OR 1=1 --",
  '%00',
  '../../../etc/passwd',
  '${7*7}{{7*7}}',
  'NaN',
  '-1',
  '1e308',
  '2147483648',
  '9007199254740993',
  'null',
  'true',
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
  '10000-01-01',
  '1969-12-31',
];

const unstorableTexts = hostileTexts.filter((s) => s.includes('\u0000') || /\p{Cs}/u.test(s));

/** Numbers past every range a field might have: int4, safe integers, dates, doubles. */
export const hostileNumbers: readonly number[] = [
  0,
  -0,
  -1,
  0.5,
  1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53) - 2,
  1e308,
  -1e308,
  5e-324,
  8.64e15,
  8.64e15 + 1,
  Date.UTC(10000, 0, 1),
  Date.UTC(9999, 11, 31, 23, 59, 59, 999),
  Number.MAX_SAFE_INTEGER,
];

/** Values of another type than the field expects. */
const otherTypes = (): Json[] => [
  null,
  true,
  false,
  [],
  {},
  [1, 'two', null],
  { nested: { deeper: [ECHO_MARKER] } },
  nested(200),
];

function nested(depth: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { d: v };
  return v;
}

/** Raw, already percent-encoded parts of an address: a path parameter, a query value. */
export const hostileUrlParts: readonly string[] = [
  '',
  '%00',
  'nul%00inside',
  '%ED%A0%80', // a surrogate half encoded as UTF-8: not UTF-8
  '%FF',
  '%',
  '%E0%A4%A',
  '%2e%2e%2f%2e%2e%2f',
  '%2F',
  'a'.repeat(150),
  '2147483648',
  '-1',
  '1e308',
  'NaN',
  '0',
  '%20',
  '%0D%0Ax-injected:%201',
  '%3Cpolku-echo%3E',
  encodeURIComponent('\ud83d\udca9'),
  '9999-99-99',
  '0001-01-01',
  '10000-01-01',
  '[]',
  'a[b]=c',
];

const unstorableUrlParts = ['%00', 'nul%00inside', '%ED%A0%80', '%FF', '%E0%A4%A'];

/** Header values a client may send that are still legal on the wire. */
const hostileHeaderValues: readonly string[] = [
  '',
  '*',
  'a'.repeat(8000),
  'fi;q=abc,,,;q=',
  'xx-YY;q=1e308, *;q=-1',
  '\u00e4\u00f6',
  '../..',
  '%00',
  'polku-echo',
];

/** What a request is made from before it is sent: every part still editable. */
interface Draft {
  method: string;
  path: string;
  /** Raw (percent-encoded) path parameters. */
  params: Record<string, string>;
  /** Raw (percent-encoded) query pairs. */
  query: [string, string][];
  /** Query keys the endpoint reads. */
  queryKeys: readonly string[];
  headers: Record<string, string>;
  body:
    | { kind: 'none' }
    | { kind: 'json'; value: Json }
    | { kind: 'form'; fields: [string, string][] }
    | { kind: 'raw'; bytes: string | Buffer };
}

/** A valid request to one endpoint, remade for each use (fresh ids), to be mutated. */
export interface Seed {
  /** Names the endpoint in a failure report. */
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';
  /** The path with `:params`. */
  path: string;
  params: Record<string, string>;
  query?: Record<string, string>;
  /** Query keys the endpoint reads, for mutations to aim at. */
  queryKeys?: readonly string[];
  /** A JSON body (made fresh each time) or form fields. */
  json?: () => Json;
  form?: () => [string, string][];
  /** Credentials and other headers. */
  headers: () => Record<string, string>;
  /** What the unmutated seed answers: a check that the seeds really are valid requests. */
  expect: readonly number[];
}

/** A request ready for `app.inject`, with what was done to it. */
export interface HostileRequest {
  seed: string;
  mutations: string[];
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

function draftOf(seed: Seed): Draft {
  const headers = { ...seed.headers() };
  let body: Draft['body'] = { kind: 'none' };
  if (seed.json) {
    body = { kind: 'json', value: seed.json() };
    headers['content-type'] = 'application/json';
  } else if (seed.form) {
    body = {
      kind: 'form',
      fields: seed.form().map(([k, v]) => [encodeURIComponent(k), encodeURIComponent(v)]),
    };
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return {
    method: seed.method,
    path: seed.path,
    params: Object.fromEntries(
      Object.entries(seed.params).map(([k, v]) => [k, encodeURIComponent(v)]),
    ),
    query: Object.entries(seed.query ?? {}).map(([k, v]) => [k, encodeURIComponent(v)]),
    queryKeys: seed.queryKeys ?? [],
    headers,
    body,
  };
}

function render(seed: Seed, draft: Draft, mutations: string[]): HostileRequest {
  const path = draft.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => draft.params[name] ?? '');
  const query = draft.query.map(([k, v]) => `${k}=${v}`).join('&');
  const b = draft.body;
  const payload =
    b.kind === 'json'
      ? JSON.stringify(b.value)
      : b.kind === 'form'
        ? b.fields.map(([k, v]) => `${k}=${v}`).join('&')
        : b.kind === 'raw'
          ? b.bytes
          : undefined;
  return {
    seed: seed.name,
    mutations,
    method: draft.method,
    url: query ? `${path}?${query}` : path,
    headers: draft.headers,
    ...(payload !== undefined && { payload }),
  };
}

/** The seed as it is: the request every mutation starts from. */
export function plainRequest(seed: Seed): HostileRequest {
  return render(seed, draftOf(seed), []);
}

/** Every place in a JSON value, as paths of keys and indexes (the root is []). */
function placesIn(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(path);
  if (Array.isArray(value)) value.forEach((v, i) => placesIn(v, [...path, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) placesIn(v, [...path, k], out);
  return out;
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  let parent = root as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  const last = path[path.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else parent[last] = value;
  return root;
}

type Mutation = (draft: Draft, random: Random) => string | undefined;

const jsonPlaces = (d: Draft) => (d.body.kind === 'json' ? placesIn(d.body.value) : []);

function valueAt(root: Json, path: (string | number)[]): Json {
  let v = root;
  for (const key of path) v = (v as Record<string | number, Json>)[key]!;
  return v;
}

/**
 * Puts `value` somewhere in the JSON body: mostly where a value of the same type was (a
 * number where a number was), so the request gets past the type checks to the range checks
 * and the database behind them; sometimes anywhere.
 */
function replaceInJson(d: Draft, random: Random, value: Json, label: string): string | undefined {
  if (d.body.kind !== 'json') return undefined;
  const body = d.body.value;
  const places = jsonPlaces(d);
  const alike = places.filter((p) => typeof valueAt(body, p) === typeof value && p.length > 0);
  const place = random.pick(alike.length && random.chance(0.8) ? alike : places);
  d.body.value = setAt(body, place, value);
  return `${label} at body.${place.join('.')}`;
}

/** Mostly the texts no database may see (NUL, lone surrogates), sometimes any hostile text. */
const pickText = (random: Random) =>
  random.chance(0.3) ? random.pick(unstorableTexts) : random.pick(hostileTexts);
const pickUrlPart = (random: Random) =>
  random.chance(0.3) ? random.pick(unstorableUrlParts) : random.pick(hostileUrlParts);

const mutations: { weight: number; apply: Mutation }[] = [
  {
    weight: 6,
    apply: (d, r) => {
      if (d.body.kind === 'form') {
        const fields = d.body.fields;
        const i = r.int(0, Math.max(fields.length - 1, 0));
        const value = pickUrlPart(r);
        if (fields[i]) fields[i] = [fields[i][0], value];
        return `form field ${fields[i]?.[0] ?? ''} = ${value.slice(0, 40)}`;
      }
      const text = pickText(r);
      return replaceInJson(d, r, text, `text ${JSON.stringify(text.slice(0, 40))}`);
    },
  },
  {
    weight: 4,
    apply: (d, r) => {
      const n = r.pick(hostileNumbers);
      return replaceInJson(d, r, n, `number ${n}`);
    },
  },
  {
    weight: 3,
    apply: (d, r) => replaceInJson(d, r, r.pick(otherTypes()), 'another type'),
  },
  {
    weight: 2,
    apply: (d, r) => {
      const key = r.pick(['__proto__', 'constructor', 'extra', 'nul\u0000key', ECHO_MARKER]);
      const value = r.pick<Json>([...hostileTexts.slice(0, 6), ...otherTypes()]);
      if (d.body.kind === 'form') {
        d.body.fields.push([encodeURIComponent(key), encodeURIComponent('x')]);
        return `extra form field ${JSON.stringify(key)}`;
      }
      if (d.body.kind !== 'json') return undefined;
      const objects = jsonPlaces(d).filter((p) => {
        let v: Json = (d.body as { value: Json }).value;
        for (const k of p) v = (v as Record<string | number, Json>)[k]!;
        return v !== null && typeof v === 'object' && !Array.isArray(v);
      });
      if (!objects.length) return undefined;
      const place = r.pick(objects);
      d.body.value = setAt(d.body.value, [...place, key], value);
      return `extra field ${JSON.stringify(key)} at body.${place.join('.')}`;
    },
  },
  {
    weight: 2,
    apply: (d, r) => {
      if (d.body.kind === 'form') {
        d.body.fields.splice(r.int(0, d.body.fields.length - 1), 1);
        return 'a form field left out';
      }
      const places = jsonPlaces(d).filter((p) => p.length > 0);
      if (d.body.kind !== 'json' || !places.length) return undefined;
      const place = r.pick(places);
      d.body.value = setAt(d.body.value, place, undefined);
      return `body.${place.join('.')} left out`;
    },
  },
  {
    weight: 3,
    apply: (d, r) => {
      const text =
        d.body.kind === 'json'
          ? JSON.stringify(d.body.value)
          : d.body.kind === 'form'
            ? d.body.fields.map(([k, v]) => `${k}=${v}`).join('&')
            : '{}';
      const raw = r.pick<[string, string | Buffer]>([
        ['cut short', text.slice(0, r.int(0, Math.max(text.length - 1, 0)))],
        ['a key twice', text.replace(/^\{/, '{"id":"dup","id":"dup2",')],
        ['deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}`],
        ['prototype pollution', '{"__proto__":{"polluted":true},"constructor":{"prototype":{}}}'],
        ['empty', ''],
        ['null', 'null'],
        ['a bare string', '"text"'],
        ['a huge number', '1e999'],
        [
          'bytes that are not UTF-8',
          Buffer.concat([
            Buffer.from(text.slice(0, 20)),
            Buffer.from([0xff, 0xfe, 0xc3]),
            Buffer.from(text.slice(20)),
          ]),
        ],
        [
          'an over-long encoding',
          Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0x22, 0x7d]),
        ],
        ['a raw NUL byte', `${text.slice(0, 10)}\u0000${text.slice(10)}`],
        ['over the body limit', 'x'.repeat(1024 * 1024 + 10)],
      ]);
      d.body = { kind: 'raw', bytes: raw[1] };
      d.headers['content-type'] ??= 'application/json';
      return `raw body: ${raw[0]}`;
    },
  },
  {
    weight: 2,
    apply: (d, r) => {
      const type = r.pick([
        'text/plain',
        'application/xml',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        'application/json-patch+json',
        '*/*',
        'application/json, text/plain',
        'application/jsonx',
      ]);
      if (d.body.kind === 'none') d.body = { kind: 'raw', bytes: '{}' };
      d.headers['content-type'] = type;
      return `content type ${type}`;
    },
  },
  {
    weight: 4,
    apply: (d, r) => {
      const names = Object.keys(d.params);
      if (!names.length) return undefined;
      const name = r.pick(names);
      d.params[name] = pickUrlPart(r);
      return `path parameter ${name} = ${d.params[name].slice(0, 40)}`;
    },
  },
  {
    weight: 4,
    apply: (d, r) => {
      const value = pickUrlPart(r);
      const known = d.query.map(([k]) => k);
      const key = r.pick([...known, ...d.queryKeys, 'x']);
      if (r.chance(0.3))
        d.query.push([key, value]); // a duplicate, or a new one
      else {
        d.query = d.query.filter(([k]) => k !== key);
        d.query.push([key, value]);
      }
      return `query ${key} = ${value.slice(0, 40)}`;
    },
  },
  {
    weight: 1,
    apply: (d, r) => {
      const length = r.pick([8 * 1024 + 1, 12_000, 40_000]);
      d.query.push(['long', 'a'.repeat(length)]);
      return `an address over ${length} characters`;
    },
  },
  {
    weight: 2,
    apply: (d, r) => {
      const name = r.pick([
        'accept-language',
        'x-request-id',
        'origin',
        'if-none-match',
        'referer',
        'user-agent',
        'x-forwarded-for',
        'content-length',
        'transfer-encoding',
        'accept',
      ]);
      const value = r.pick(hostileHeaderValues);
      d.headers[name] = value;
      return `header ${name} = ${value.slice(0, 40)}`;
    },
  },
  {
    weight: 2,
    apply: (d, r) => {
      const auth = r.pick([
        'Bearer ',
        `Bearer polku_${'x'.repeat(300)}`,
        'Basic Zm9vOmJhcg==',
        `${d.headers.authorization ?? 'Bearer polku_x'}x`,
        'Bearer %00',
      ]);
      const change = r.pick(['authorization', 'cookie', 'csrf'] as const);
      if (change === 'authorization') d.headers.authorization = auth;
      else if (change === 'cookie')
        d.headers.cookie = r.pick([
          'polku_session=%00',
          `polku_session=${'a'.repeat(4000)}`,
          '=;=',
        ]);
      else d.headers['x-csrf-token'] = r.pick(['', 'wrong', 'a'.repeat(500)]);
      return `credentials: ${change}`;
    },
  },
  {
    weight: 1,
    apply: (d, r) => {
      d.method = r.pick(
        ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'].filter((m) => m !== d.method),
      );
      return `method ${d.method}`;
    },
  },
];

const weights = mutations.map((m) => m.weight);

/** The seed with one to three random mutations, chosen by `random` (so a seed repeats a run). */
export function mutatedRequest(seed: Seed, random: Random): HostileRequest {
  const draft = draftOf(seed);
  const applied: string[] = [];
  const count = random.chance(0.75) ? 1 : random.int(2, 3);
  for (let tries = 0; applied.length < count && tries < 20; tries++) {
    const label = mutations[random.weighted(weights)]!.apply(draft, random);
    if (label) applied.push(label);
  }
  return render(seed, draft, applied);
}
