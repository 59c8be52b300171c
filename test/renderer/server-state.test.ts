/**
 * What the canvas says about a server at the evaluation date (issue 14): the certificate's state —
 * not yet valid, valid, expiring within 60 days, expired — and the out-of-date Exchange badge; and
 * how the date control splits the timeline into changes in force and changes still to come.
 */
import { describe, expect, it } from 'vitest';
import type { Server } from '../../shared/model/schema';
import { TIMELINE } from '../../shared/model/timeline';
import { serverStateAt } from '../../renderer/canvas/serverState';
import { splitTimeline } from '../../renderer/app/AsOfControl';

const server = (patch: Partial<Server> = {}): Server => ({
  id: 'ex01',
  name: 'EX01',
  role: 'onPremises',
  ipAddress: '203.0.113.10',
  tls: true,
  certificate: { subject: 'mail.contoso.com', subjectAlternativeNames: [], trusted: true, chainComplete: true, notBefore: '2026-09-01', notAfter: '2027-09-01' },
  ...patch,
});

describe('server state at the evaluation date', () => {
  it('follows the certificate through its validity window', () => {
    expect(serverStateAt(server(), '2026-08-31').certificate).toBe('notYetValid');
    expect(serverStateAt(server(), '2026-09-01').certificate).toBe('valid');
    expect(serverStateAt(server(), '2027-07-02')).toMatchObject({ certificate: 'valid', daysLeft: null });
    expect(serverStateAt(server(), '2027-07-03')).toMatchObject({ certificate: 'expiring', daysLeft: 60 });
    expect(serverStateAt(server(), '2027-09-01')).toMatchObject({ certificate: 'expiring', daysLeft: 0 });
    expect(serverStateAt(server(), '2027-09-02').certificate).toBe('expired');
    expect(serverStateAt(server({ certificate: null }), '2027-09-02').certificate).toBeNull();
  });

  it('marks an Exchange server out of date when out of support or not updated', () => {
    expect(serverStateAt(server({ exchange: { version: '2016', upToDate: true } }), '2025-10-14').outOfDate).toBeNull();
    expect(serverStateAt(server({ exchange: { version: '2016', upToDate: true } }), '2025-10-15').outOfDate).toBe('endOfSupport');
    expect(serverStateAt(server({ exchange: { version: 'SE', upToDate: false } }), '2026-01-01').outOfDate).toBe('notUpToDate');
    expect(serverStateAt(server({ exchange: { version: 'SE' } }), '2026-01-01').outOfDate).toBeNull();
    expect(serverStateAt(server(), '2026-01-01').outOfDate).toBeNull();
  });
});

describe('the date control’s timeline', () => {
  it('puts a change in force from its own date on', () => {
    const { past, future } = splitTimeline('2023-11-01');
    expect(past.some((c) => c.setting === 'headerFromCountsForRelay')).toBe(true);
    expect(splitTimeline('2023-10-31').future.some((c) => c.setting === 'headerFromCountsForRelay')).toBe(true);
    expect(past.length + future.length).toBe(TIMELINE.length);
    expect(past.every((c) => c.date <= '2023-11-01') && future.every((c) => c.date > '2023-11-01')).toBe(true);
  });
});

describe('inspector date fields', () => {
  it('refuse a day the calendar does not have, in the field’s words', async () => {
    const { dateValidator } = await import('../../renderer/inspector/formatTwoFields');
    expect(dateValidator('2027-09-01')).toBeNull();
    expect(dateValidator('2026-02-30')).toEqual({ key: 'validation.date' });
    expect(dateValidator('01/09/2027')).toEqual({ key: 'validation.date' });
  });
});
