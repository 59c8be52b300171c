/**
 * The loader validates a large `view.positions` (one entry per entity: 140,000 in the documents of
 * issue 11, item 13) entry by entry, with a hand-written acceptor instead of zod for each valid
 * entry (shared/model/schema.ts, shared/model/bounded.ts). It must decide and say exactly what zod
 * alone says: the expected results below come from running the zod schema itself over the whole
 * document (`z.safeParse(documentSchema, …)`, every issue turned into the loader's located error).
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fastAcceptor, LONG } from '../../shared/model/bounded';
import { checkIntegrity } from '../../shared/model/integrity';
import { parseDocumentText, serializeDocument, validateDocument, zodIssueToError, type LoadError } from '../../shared/model/load';
import { documentSchema, positionSchema, serverSchema } from '../../shared/model/schema';

const acceptPosition = fastAcceptor(positionSchema)!;

/** Every kind of value a position can be, valid or not (what JSON can write, and what code can build). */
const inherited = Object.create({ z: 1 }) as Record<string, unknown>;
inherited.x = 1;
inherited.y = 2;
const nullProto = Object.assign(Object.create(null) as object, { x: 1, y: 2 });
class Point {
  constructor(
    public x: number,
    public y: number,
  ) {}
}
const POSITION_VALUES: Array<[string, unknown]> = [
  ['x then y', { x: 1, y: 2 }],
  ['y then x', { y: -2.5, x: 1e300 }],
  ['negative zero', { x: -0, y: 0 }],
  ['missing y', { x: 1 }],
  ['missing x', { y: 1 }],
  ['empty object', {}],
  ['x a string', { x: '1', y: 2 }],
  ['y null', { x: 1, y: null }],
  ['y true', { x: 1, y: true }],
  ['x an object', { x: { v: 1 }, y: 2 }],
  ['x a list', { x: [1], y: 2 }],
  ['x infinite', { x: Infinity, y: 2 }],
  ['y NaN', { x: 1, y: NaN }],
  ['an unknown field', { x: 1, y: 2, z: 3 }],
  ['an unknown field only', { w: 1 }],
  ['both wrong and an unknown field', { x: 'a', y: 'b', zoom: 1 }],
  ['x undefined', { x: undefined, y: 2 }],
  ['null', null],
  ['a number', 5],
  ['a string', '1,2'],
  ['true', true],
  ['a list', [1, 2]],
  ['an inherited enumerable field', inherited],
  ['no prototype', nullProto],
  ['a class instance', new Point(1, 2)],
];

describe('the hand-written position acceptor', () => {
  it.each(POSITION_VALUES)('%s: accepted only when zod accepts, and then as zod returns it', (_, value) => {
    const zod = z.safeParse(positionSchema, value);
    const fast = acceptPosition(value);
    if (fast !== undefined) {
      expect(zod.success).toBe(true);
      // Same fields, same order (the saved file is byte for byte what zod would give).
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
      expect(Object.keys(fast as object)).toEqual(Object.keys(zod.data as object));
      expect(fast).not.toBe(value);
    }
  });

  it('takes the plain positions a document holds (so zod does not run for them)', () => {
    for (const v of [{ x: 1, y: 2 }, { y: -2.5, x: 1e300 }, { x: -0, y: 0 }]) expect(acceptPosition(v)).toEqual(z.parse(positionSchema, v));
    for (const [, v] of POSITION_VALUES.slice(3)) expect(acceptPosition(v)).toBeUndefined();
  });
});

const server = { id: 's1', name: 'Edge', role: 'onPremises', ipAddress: '203.0.113.10', tls: true };
/** Servers the fast path takes (second column true), and every kind it must leave to zod. */
const SERVER_VALUES: Array<[string, unknown, boolean]> = [
  ['the common fields', server, true],
  ['fields in another order, external', { tls: false, ipAddress: '198.51.100.1', role: 'external', name: '', id: 'x.y_z-1' }, true],
  ['certificate null', { ...server, certificate: null }, true],
  ['TLS version', { ...server, tlsVersion: '1.2' }, true],
  ['Exchange null', { ...server, exchange: null }, true],
  ['a comment', { ...server, comment: 'c'.repeat(2000) }, true],
  ['every optional field', { comment: 'c', exchange: null, tlsVersion: '1.0', certificate: null, ...server }, true],
  ['a name of 10,000 characters', { ...server, name: 'n'.repeat(10_000) }, true],
  ['a certificate', { ...server, certificate: { subject: 'mail.contoso.com', subjectAlternativeNames: [], trusted: true, chainComplete: true } }, false],
  ['an Exchange version', { ...server, exchange: { version: 'SE' } }, false],
  ['a bad id', { ...server, id: '-s' }, false],
  ['an id of 129 characters', { ...server, id: 's'.repeat(129) }, false],
  ['a number id', { ...server, id: 1 }, false],
  ['a name of 10,001 characters', { ...server, name: 'n'.repeat(10_001) }, false],
  ['an unknown role', { ...server, role: 'hybrid' }, false],
  ['a bad address', { ...server, ipAddress: '203.0.113.256' }, false],
  ['a CIDR block', { ...server, ipAddress: '203.0.113.0/24' }, false],
  ['tls a string', { ...server, tls: 'true' }, false],
  ['an unknown TLS version', { ...server, tlsVersion: '1.4' }, false],
  ['TLS version null', { ...server, tlsVersion: null }, false],
  ['a comment of 2,001 characters', { ...server, comment: 'c'.repeat(2001) }, false],
  ['a comment that is a number', { ...server, comment: 1 }, false],
  ['certificate a string', { ...server, certificate: 'x' }, false],
  ['an unknown field', { ...server, ip: '1.2.3.4' }, false],
  ['a missing field', { id: 's', name: 'S', role: 'onPremises', ipAddress: '203.0.113.10' }, false],
  ['a field set to undefined', { ...server, comment: undefined }, false],
  ['null', null, false],
  ['a list', [server], false],
  ['no prototype', Object.assign(Object.create(null) as object, server), false],
];

describe('the hand-written server acceptor', () => {
  const acceptServer = fastAcceptor(serverSchema)!;
  it.each(SERVER_VALUES)('%s: accepted only when zod accepts, and then as zod returns it', (_, value, taken) => {
    const zod = z.safeParse(serverSchema, value);
    const fast = acceptServer(value);
    expect(fast !== undefined).toBe(taken);
    if (fast !== undefined) {
      expect(zod.success).toBe(true);
      expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
      expect(Object.keys(fast as object)).toEqual(Object.keys(zod.data as object));
    }
  });

  it('a document of many servers, some of each kind: the loader says what zod alone says', () => {
    const servers = Array.from({ length: LONG + 20 }, (_, i) => ({ ...server, id: `s${i}` }));
    SERVER_VALUES.forEach(([, v], i) => (servers[i * 3] = v as typeof server));
    const doc = { format: 'mailflow-topology', version: 2, title: 't', tenants: [], servers, scenarios: [] };
    const expected = zodAlone(doc) as { errors: LoadError[] };
    expect(expected.errors.length).toBeGreaterThan(15);
    expect(loader(doc)).toEqual(expected);
    // Only the valid ones: the same document.
    const valid = { ...doc, servers: servers.filter((v) => z.safeParse(serverSchema, v).success).map((v, i) => ({ ...v, id: `v${i}` })) };
    expect(loader(valid)).toEqual(zodAlone(valid));
    expect(loader(valid)).toHaveProperty('text');
  });
});

// ---------------------------------------------------------------------------------------------

/** What zod alone says of a document (the loader's first 50 located errors, or its value). */
function zodAlone(doc: unknown): { errors: LoadError[] } | { text: string } {
  const r = z.safeParse(documentSchema, doc);
  return r.success ? { text: serializeDocument(r.data) } : { errors: r.error.issues.slice(0, 50).map((i) => zodIssueToError(i, doc)) };
}

function loader(doc: unknown): { errors: LoadError[] } | { text: string } {
  const r = parseDocumentText(JSON.stringify(doc));
  return r.ok ? { text: serializeDocument(r.document) } : { errors: r.errors };
}

/**
 * A version-2 document of `servers` servers and `notes` canvas notes (entities too), one position
 * for each (plus `extra` positions).
 */
function document(servers: number, notes: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const list = Array.from({ length: servers }, (_, i) => ({ id: `s${i}`, name: `S${i}`, role: 'onPremises', ipAddress: '203.0.113.10', tls: false }));
  const noteList = Array.from({ length: notes }, (_, i) => ({ id: `n${i}`, text: `note ${i}`, x: i, y: i }));
  const positions: Record<string, unknown> = {};
  [...list, ...noteList].forEach((e, i) => (positions[e.id] = i % 2 ? { x: i, y: -i } : { y: i / 3, x: i }));
  const view = { positions: { ...positions, ...extra }, ...(notes ? { notes: noteList } : {}) };
  return { format: 'mailflow-topology', version: 2, title: 'big', tenants: [], servers: list, scenarios: [], view };
}

const JSON_KINDS = POSITION_VALUES.filter(([what]) => !['x infinite', 'y NaN', 'x undefined', 'an inherited enumerable field', 'no prototype', 'a class instance'].includes(what)).slice(3);

/** Where zod reports the issues of each bad position of JSON_KINDS, in order. */
const badPositionPaths = () =>
  JSON_KINDS.flatMap(([what]) => {
    const at = `view.positions["bad ${what}"]`;
    if (what === 'missing y') return [`${at}.y`];
    if (what === 'missing x') return [`${at}.x`];
    if (what === 'empty object') return [`${at}.x`, `${at}.y`];
    if (what.startsWith('x ')) return [`${at}.x`];
    if (what.startsWith('y ')) return [`${at}.y`];
    if (what === 'an unknown field') return [`${at}.z`];
    if (what === 'an unknown field only') return [`${at}.x`, `${at}.y`, `${at}.w`];
    if (what === 'both wrong and an unknown field') return [`${at}.x`, `${at}.y`, `${at}.zoom`];
    return [at];
  });

/** Bad positions of every kind, a bad title (before view), viewport (after the positions) and an unknown root field. */
function badDocument(servers: number, notes: number): Record<string, unknown> {
  const bad = Object.fromEntries(JSON_KINDS.map(([what, v]) => [`bad ${what}`, v]));
  const doc: Record<string, unknown> = { ...document(servers, notes, bad), extra: 1, title: 7 };
  (doc.view as Record<string, unknown>).viewport = { x: 0, y: 0, zoom: -1 };
  return doc;
}

describe('the loader on a large view.positions says what zod alone says', () => {
  // More servers than LONG: the servers are validated item by item, the rest of the document in
  // one piece but for the positions, entry by entry. Fewer (with notes as the other entities): the
  // positions alone are taken out. Either way the result must be zod's over the whole document.
  for (const [servers, notes] of [[LONG + 50, 0], [40, LONG + 10]]) {
    it(`${servers} servers, ${notes} notes, valid: the same document, byte for byte`, () => {
      const doc = document(servers, notes);
      const expected = zodAlone(doc);
      expect(expected).toHaveProperty('text');
      expect(loader(doc)).toEqual(expected);
    });

    it(`${servers} servers, ${notes} notes, valid positions: the other fields' errors are zod's, in zod's order`, () => {
      const doc: Record<string, unknown> = { ...document(servers, notes), extra: 1, title: 7 };
      (doc.view as Record<string, unknown>).viewport = { x: 0, y: 0, zoom: -1 };
      const expected = zodAlone(doc) as { errors: LoadError[] };
      expect(expected.errors.map((e) => e.path)).toEqual(['title', 'view.viewport.zoom', 'extra']);
      expect(loader(doc)).toEqual(expected);
    });
  }

  it('servers validated item by item: every kind of bad position is the located error zod gives, in zod\'s order', () => {
    const doc = badDocument(LONG + 50, 0);
    const expected = zodAlone(doc) as { errors: LoadError[] };
    expect(expected.errors.map((e) => e.path)).toEqual(['title', ...badPositionPaths(), 'view.viewport.zoom', 'extra']);
    expect(loader(doc)).toEqual(expected);
  });

  it('servers validated item by item: past 50 errors, the first 50 zod gives', () => {
    const bad = Object.fromEntries(Array.from({ length: 120 }, (_, i) => [`b${i}`, i % 3 ? { x: 'no', y: i } : { x: i }]));
    const doc = { ...document(LONG + 50, 0, bad), guards: 'none' };
    const expected = zodAlone(doc) as { errors: LoadError[] };
    expect(expected.errors).toHaveLength(50);
    expect(loader(doc)).toEqual(expected);
  });

  it('few servers: bad positions are reported alone first (as before), each as zod gives it', () => {
    // Short root lists: the loader looks for bad values of long lists and big maps first and
    // reports only those (bounded.ts), as it did before the positions had their own path.
    const doc = badDocument(40, LONG + 10);
    const expected = (zodAlone(doc) as { errors: LoadError[] }).errors.filter((e) => e.path.startsWith('view.positions'));
    expect(expected.map((e) => e.path)).toEqual(badPositionPaths());
    expect(loader(doc)).toEqual({ errors: expected });
  });
});

describe('the loader keeps its own positions instead of copying them, and only its own', () => {
  it('whatever order the fields of each position come in, the document is what zod gives', () => {
    const n = LONG + 50;
    for (const yFirstAt of [-1, 0, 1, 150, n - 1]) {
      const doc = document(n, 0);
      const positions = (doc.view as { positions: Record<string, unknown> }).positions;
      Object.keys(positions).forEach((key, i) => (positions[key] = i === yFirstAt ? { y: i, x: -i } : { x: i, y: -i }));
      expect(loader(doc)).toEqual(zodAlone(doc));
    }
  });

  it('a value given by code (validateDocument) comes back as new objects, as zod makes them', () => {
    const doc = document(LONG + 50, 0);
    const r = validateDocument(doc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const given = (doc.view as { positions: Record<string, unknown> }).positions;
    expect(r.document.view!.positions).not.toBe(given);
    expect(r.document.view!.positions.s1).not.toBe(given.s1);
    expect(r.document.view!.positions).toEqual(given);
  });

  it('the acceptor returns the loader\'s own object only when asked and only in zod\'s field order', () => {
    const xy = { x: 1, y: 2 };
    const yx = { y: 2, x: 1 };
    expect(acceptPosition(xy, true)).toBe(xy);
    expect(acceptPosition(xy, false)).not.toBe(xy);
    expect(acceptPosition(yx, true)).not.toBe(yx);
    expect(Object.keys(acceptPosition(yx, true) as object)).toEqual(['x', 'y']);
  });
});

describe('the loader on a large view.positions, after the schema', () => {
  it('a valid large view.positions still goes through the integrity check (a position naming nothing)', () => {
    const doc = document(LONG + 10, 0, { ghost: { x: 1, y: 2 } });
    const r = parseDocumentText(JSON.stringify(doc));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.message)).toEqual(['view.positions["ghost"]: found "ghost", which names no entity; expected the id of a tenant, connector, rule, server or scenario of this document.']);
  });
});

describe('integrity messages without per-entity closures', () => {
  it('duplicate ids name the first place, a missing server lists the first ten distinct servers', () => {
    const doc = z.parse(documentSchema, document(12, 0));
    doc.servers[11] = { ...doc.servers[11], id: 's0' };
    doc.servers.push({ ...doc.servers[0], id: 's3' });
    doc.tenants.push({ id: 's5', name: 'T', acceptedDomains: [], recipients: [], rejectDirectSend: false, inboundConnectors: [], outboundConnectors: [], transportRules: [] });
    doc.scenarios.push({ id: 'm', name: 'M', serverId: 'nope', mailFrom: 'a@contoso.com', rcptTo: ['b@contoso.com'] });
    expect(checkIntegrity(doc).map((i) => `${i.path}: ${i.found} / ${i.expected}`)).toEqual([
      'servers[5].id: "s5", already the id at tenants[0].id / an id unique across tenants, connectors, rules, servers and scenarios',
      'servers[11].id: "s0", already the id at servers[0].id / an id unique across tenants, connectors, rules, servers and scenarios',
      'servers[12].id: "s3", already the id at servers[3].id / an id unique across tenants, connectors, rules, servers and scenarios',
      'scenarios[0].serverId: "nope", which names no server / the id of one of the document\'s servers (s0, s1, s2, s3, s4, s5, s6, s7, s8, s9 and 1 more)',
      'view.positions["s11"]: "s11", which names no entity / the id of a tenant, connector, rule, server or scenario of this document',
    ]);
  });
});
