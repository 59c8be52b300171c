/**
 * Every IPC request is checked twice before a handler sees it (checklist 17):
 * 1. the sender is our window's top frame showing our own page (not an iframe, not a page the
 *    window was somehow navigated to, not another webContents);
 * 2. the arguments match the zod schema of the channel (from shared/ipc/contract.ts) exactly.
 * A rejected request rejects the renderer's promise with an error that says which check failed.
 */
import { z } from 'zod';
import type { AppLocation } from './app-location';
import { isAppUrl } from './app-location';

export interface FrameLike {
  url: string;
  /** null for the top frame. */
  parent: unknown;
}

export interface IpcEventLike {
  sender: unknown;
  senderFrame: FrameLike | null;
}

export interface SenderPolicy {
  /** The webContents of our window (it can change when the window is re-created on macOS). */
  trustedContents(): unknown;
  location: AppLocation;
}

export class IpcRejectedError extends Error {
  override name = 'IpcRejectedError';
}

/** Why the sender is refused, or null when it is our page. */
export function senderRejection(event: IpcEventLike, policy: SenderPolicy): string | null {
  const trusted = policy.trustedContents();
  if (!trusted || event.sender !== trusted) return 'the sender is not the Mailflow window';
  const frame = event.senderFrame;
  if (!frame) return 'the sending frame is gone';
  if (frame.parent !== null) return 'the sender is a subframe';
  if (!isAppUrl(frame.url, policy.location)) return `the sender is not the Mailflow page (${frame.url})`;
  return null;
}

export interface IpcRoute {
  channel: string;
  args: z.ZodType<unknown[]>;
  handle(args: unknown[], event: IpcEventLike): unknown;
}

/** A typed route: `args` is a zod tuple; `handle` receives the parsed tuple's items. */
export function route<S extends z.ZodType<unknown[]>>(
  channel: string,
  args: S,
  handle: (...items: z.output<S> & unknown[]) => unknown,
): IpcRoute {
  return { channel, args, handle: (items) => handle(...(items as z.output<S> & unknown[])) };
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
}

/** Checks sender and payload, then runs the handler. Exported for tests and for `registerRoutes`. */
export async function dispatchGuarded(route: IpcRoute, policy: SenderPolicy, event: IpcEventLike, args: unknown[]): Promise<unknown> {
  const refused = senderRejection(event, policy);
  if (refused !== null) throw new IpcRejectedError(`${route.channel}: request refused: ${refused}.`);
  const parsed = route.args.safeParse(args);
  if (!parsed.success) {
    throw new IpcRejectedError(`${route.channel}: invalid request: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`);
  }
  return route.handle(parsed.data, event);
}

export function registerRoutes(ipcMain: IpcMainLike, routes: readonly IpcRoute[], policy: SenderPolicy): void {
  const seen = new Set<string>();
  for (const item of routes) {
    if (seen.has(item.channel)) throw new Error(`Duplicate IPC route ${item.channel}`);
    seen.add(item.channel);
    ipcMain.handle(item.channel, (event, ...args) => dispatchGuarded(item, policy, event, args));
  }
}
