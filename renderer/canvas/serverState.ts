/**
 * What a server node shows about its certificate and its Exchange version at the evaluation date
 * (issue 14): pure, so documentToFlow stays a pure function of the document and the date.
 */
import { certificateStateAt } from '../../shared/engine/attribution';
import { outOfDateReason } from '../../shared/engine/simulate';
import type { Server } from '../../shared/model/schema';
import { daysBetween } from '../../shared/model/timeline';

/** A certificate this close to its end date is "expiring" (the lint's certificate-expiring window). */
export const EXPIRING_DAYS = 60;

export type CertificateState = 'valid' | 'expiring' | 'expired' | 'notYetValid';

export interface ServerState {
  /** The evaluation date the state is for. */
  asOf: string;
  /** null: the server presents no certificate. */
  certificate: CertificateState | null;
  /** Days until notAfter (for "expiring"), else null. */
  daysLeft: number | null;
  /** Why Exchange Online counts the server as out of date, or null. */
  outOfDate: 'endOfSupport' | 'notUpToDate' | null;
}

export function serverStateAt(server: Server, asOf: string): ServerState {
  const c = server.certificate;
  let certificate: CertificateState | null = null;
  let daysLeft: number | null = null;
  if (c) {
    const state = certificateStateAt(c, asOf);
    if (state) certificate = state;
    else if (c.notAfter && daysBetween(asOf, c.notAfter) <= EXPIRING_DAYS) {
      certificate = 'expiring';
      daysLeft = daysBetween(asOf, c.notAfter);
    } else certificate = 'valid';
  }
  return { asOf, certificate, daysLeft, outOfDate: outOfDateReason(server, asOf) };
}
