/**
 * Collects the ordered events and the SMTP conversation of one simulation. Texts are written in
 * the requested language as events are added; `describeEvent` can re-describe them later.
 */
import type { TopologyDocument } from '../model/schema';
import { describeEvent, type NameOf } from './texts';
import type { EventDataByKind, EventKind, Lang, SimEvent, SmtpReply, TranscriptLine } from './types';

export interface EventFields<K extends EventKind> {
  at: string;
  from: string;
  tenant: string | null;
  entities: string[];
  code?: string | null;
  smtp?: SmtpReply | null;
  source: string;
  data: EventDataByKind[K];
}

export class Trace {
  readonly events: SimEvent[] = [];
  readonly transcript: TranscriptLine[] = [];

  constructor(
    private readonly lang: Lang,
    private readonly nameOf: NameOf,
  ) {}

  add<K extends EventKind>(kind: K, fields: EventFields<K>): SimEvent {
    const event = {
      seq: this.events.length + 1,
      kind,
      at: fields.at,
      from: fields.from,
      text: '',
      tenant: fields.tenant,
      entities: fields.entities,
      code: fields.code ?? fields.smtp?.enhanced ?? null,
      smtp: fields.smtp ?? null,
      source: fields.source,
      data: fields.data,
    } as SimEvent;
    // The text is written when first read (the CLI, the app): a simulation whose texts nobody reads
    // (check, diagnostics, analysis) does not pay for them. It reads as a plain property.
    const { lang, nameOf } = this;
    let text: string | null = null;
    Object.defineProperty(event, 'text', {
      enumerable: true,
      configurable: true,
      get: () => (text ??= describeEvent(event, lang, nameOf)),
      set: (v: string) => {
        text = v;
      },
    });
    this.events.push(event);
    return event;
  }

  /** A line of the SMTP conversation, tied to the latest event (0 before the first). */
  say(side: 'client' | 'server', line: string): void {
    this.transcript.push({ seq: this.events.length, side, line });
  }
}

const nameCache = new WeakMap<TopologyDocument, Map<string, string>>();

/** Entity names for texts: the user's names, falling back to the id. Built once per document. */
export function namesOf(doc: TopologyDocument): NameOf {
  return (id: string) => {
    let names = nameCache.get(doc);
    if (!names) {
      names = new Map();
      for (const t of doc.tenants) {
        names.set(t.id, t.name);
        for (const c of t.inboundConnectors) names.set(c.id, c.name);
        for (const c of t.outboundConnectors) names.set(c.id, c.name);
        for (const r of t.transportRules) names.set(r.id, r.name);
      }
      for (const s of doc.servers) names.set(s.id, s.name);
      nameCache.set(doc, names);
    }
    return names.get(id) ?? id;
  };
}
