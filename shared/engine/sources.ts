/**
 * Where each rule of the engine comes from: a section of mailflow-model.md and the Microsoft
 * source behind it. Every event carries one, so the app can show "why" with its reference.
 */
export const SOURCES = {
  connect: 'mailflow-model.md, decision procedure step 1 (connection); "Fix error code 451 4.7.500-699 (ASxxx)"',
  candidates:
    'mailflow-model.md, step 2 (candidate connectors across all tenants); New-InboundConnector: TlsSenderCertificateName, SenderIPAddresses; KB 3212877 (certificate chain)',
  edgeBlocking: 'mailflow-model.md, step 3 (recipients); "Use Directory-Based Edge Blocking"',
  certificateKey:
    'mailflow-model.md, step 4.1 and "Certificate domain"; seed point 2; KB 4019940 (ATTR36); MC1226222 (Feb 2026)',
  senderKey: 'mailflow-model.md, step 4.2 (sender key); MC1226222; "Updated Requirements for SMTP Relay through Exchange Online" (2023)',
  recipientKey: 'mailflow-model.md, step 4.3 (recipient key); seed point 3; KB 4051495 ("Fix error code 5.7.64")',
  noCandidate:
    'mailflow-model.md, step 4.4 (no candidate); New-InboundConnector (Partner restrictions); "Introducing more control over Direct Send" (2025)',
  accepted: 'mailflow-model.md, step 4 (end of DATA reply)',
  rules:
    'mailflow-model.md, step 5 (mail flow rules); "Mail flow rule conditions and exceptions"; "Mail flow rule actions"; seed point 1',
  handoff: 'mailflow-model.md, step 5 (hand-off between tenants); seed point 1',
  routing:
    'mailflow-model.md, step 5 (routing); "Manage accepted domains"; New-OutboundConnector; "Transport routing in Exchange hybrid deployments"',
  throttling: 'mailflow-model.md, "Throttling"; seed (IP throttling); "Fix error code 451 4.7.500-699 (ASxxx)"',
  tls: 'mailflow-model.md, "TLS and certificate validity" (version 2); MC229914; "Understanding email scenarios if TLS versions cannot be agreed on with Exchange Online" (2021)',
  unstable: 'mailflow-model.md, "Ambiguous tenants are unstable" (version 2); MC1226222 (Feb 2026)',
  enforcement:
    'mailflow-model.md, "Out-of-date on-premises Exchange servers" (version 2); "Throttling and Blocking Email from Persistently Vulnerable Exchange Servers to Exchange Online" (2023); "How to pause throttling and blocking of out-of-date on-premises Exchange Servers" (Dec 2023)',
  cloudMailbox: 'mailflow-model.md, "Mail sent by cloud mailboxes; centralized mail transport" (version 2); "Transport routing in Exchange hybrid deployments"',
} as const;
