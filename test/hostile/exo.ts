/** Hostile `Get-TransportRule | ConvertTo-Json` output (issue 11, item 5) of any size. */

/**
 * `count` rules; every other one has a Japanese name, whose id slug is empty, so all of them ask
 * the id allocator for the same base id.
 */
export function manyTransportRules(count: number): string {
  const rules = [];
  for (let i = 0; i < count; i++) {
    rules.push({
      Name: i % 2 ? `転送ルール${kanji(i)}` : `Rule ${i}`,
      Priority: i,
      State: 'Enabled',
      Mode: 'Enforce',
      SentToScope: 'NotInOrganization',
      RejectMessageReasonText: 'No',
      RejectMessageEnhancedStatusCode: '5.7.1',
    });
  }
  return JSON.stringify(rules);
}

/** A number in kanji digits: distinct names with no ASCII in them (the id slug stays empty). */
function kanji(n: number): string {
  return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]);
}
