// Preloaded with `node --import` by test/ci/security-offline.test.ts: makes every way a Node process
// reaches the network fail at once, and reports each attempt on stderr as "NETWORK ATTEMPT <what>",
// so a test can assert that a step never even tried.
import dns from 'node:dns';
import net from 'node:net';
import { writeSync } from 'node:fs';

function refuse(what) {
  writeSync(2, `NETWORK ATTEMPT ${what}\n`);
  return Object.assign(new Error(`network blocked by test/ci/block-network.mjs: ${what}`), { code: 'ENETUNREACH' });
}
function target(args) {
  const [a, b] = Array.isArray(args[0]) ? args[0] : args;
  if (a && typeof a === 'object') return `${a.host ?? a.path ?? '?'}:${a.port ?? ''}`;
  return `${b ?? 'localhost'}:${a}`;
}

// http, https, tls, got and undici (fetch) all open their connections through net.Socket#connect.
net.Socket.prototype.connect = function connect(...args) {
  const error = refuse(`connect ${target(args)}`);
  process.nextTick(() => this.destroy(error));
  return this;
};
dns.lookup = (hostname, options, callback) => {
  const cb = typeof options === 'function' ? options : callback;
  const error = refuse(`dns ${hostname}`);
  process.nextTick(() => cb(error));
};
dns.promises.lookup = async (hostname) => {
  throw refuse(`dns ${hostname}`);
};
globalThis.fetch = async (input) => {
  throw refuse(`fetch ${input?.url ?? input}`);
};
