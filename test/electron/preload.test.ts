/**
 * The preload exposes exactly `MailflowDesktopApi` and no raw IPC. Electron's preload modules are
 * replaced by fakes (vi.mock), so the real `electron` package is never loaded.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type MailflowDesktopApi, type OpenResult } from '../../shared/ipc/contract';

const fake = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    invocations: [] as Array<{ channel: string; args: unknown[] }>,
    listeners,
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'the ipcRenderer event' }, payload);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => fake.exposed.set(key, value),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      fake.invocations.push({ channel, args });
      return { channel };
    },
    on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      if (!fake.listeners.has(channel)) fake.listeners.set(channel, new Set());
      fake.listeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
      fake.listeners.get(channel)?.delete(listener);
    },
  },
  webUtils: { getPathForFile: (file: { fakePath: string }) => file.fakePath },
}));

let api: MailflowDesktopApi;

beforeAll(async () => {
  await import('../../electron/preload/index');
  api = fake.exposed.get('mailflow') as MailflowDesktopApi;
});

const API_KEYS = [
  'platform', 'openDialog', 'openPath', 'pathForFile', 'save', 'exportFile', 'listRecent', 'writeDraft',
  'listDrafts', 'discardDraft', 'getSettings', 'setSettings', 'getSystemInfo', 'setDocumentState', 'openExternal',
  'closeWindow', 'setMenu', 'onMenuAction', 'onOpenRequest', 'onSystemChanged',
] satisfies Array<keyof MailflowDesktopApi>;

describe('preload', () => {
  it('exposes only window.mailflow, with exactly the contract functions', () => {
    expect([...fake.exposed.keys()]).toEqual(['mailflow']);
    expect(Object.keys(api).sort()).toEqual([...API_KEYS].sort());
    expect(api.platform).toBe('electron');
    for (const value of Object.values(api)) expect(value).not.toHaveProperty('invoke');
  });

  it('each request goes to its own channel with the caller’s argument only', async () => {
    await api.openPath('/d/a.mailflow.json');
    await api.discardDraft('untitled-1');
    await api.exportFile({ suggestedName: 'a.svg', format: 'svg', data: '<svg/>', encoding: 'utf8' });
    await api.listRecent();
    expect(fake.invocations).toEqual([
      { channel: IPC_CHANNELS.openPath, args: ['/d/a.mailflow.json'] },
      { channel: IPC_CHANNELS.discardDraft, args: ['untitled-1'] },
      { channel: IPC_CHANNELS.exportFile, args: [{ suggestedName: 'a.svg', format: 'svg', data: '<svg/>', encoding: 'utf8' }] },
      { channel: IPC_CHANNELS.listRecent, args: [] },
    ]);
  });

  it('listeners get the payload, never the IPC event, and can unsubscribe', () => {
    const received: unknown[][] = [];
    const stop = api.onMenuAction((...args) => received.push(args));
    fake.emit(IPC_CHANNELS.menuAction, 'file.save');
    stop();
    fake.emit(IPC_CHANNELS.menuAction, 'file.open');
    expect(received).toEqual([['file.save']]);
  });

  it('keeps an open request that arrived before anyone listened and hands it to the first listener', () => {
    const early: OpenResult = { ok: false, reason: 'error', message: 'early' };
    fake.emit(IPC_CHANNELS.openRequest, early);
    const received: OpenResult[] = [];
    api.onOpenRequest((result) => received.push(result));
    const later: OpenResult = { ok: false, reason: 'cancelled' };
    fake.emit(IPC_CHANNELS.openRequest, later);
    expect(received).toEqual([early, later]);
  });

  it('pathForFile uses webUtils.getPathForFile', () => {
    expect(api.pathForFile({ fakePath: '/home/u/dropped.mailflow.json' } as unknown as File)).toBe('/home/u/dropped.mailflow.json');
  });

  it('opens a really dropped file on openDropped; any other path goes to openPath, which main limits', async () => {
    fake.invocations.length = 0;
    api.pathForFile({ fakePath: '/home/u/really-dropped.json' } as unknown as File);
    await api.openPath('/home/u/really-dropped.json');
    await api.openPath('/etc/shadow.json');
    expect(fake.invocations).toEqual([
      { channel: IPC_CHANNELS.openDropped, args: ['/home/u/really-dropped.json'] },
      { channel: IPC_CHANNELS.openPath, args: ['/etc/shadow.json'] },
    ]);
  });
});
