/** Reading user-chosen files for the Exchange Online import and diff. */
import { decodeExoBytes, type ExoFile } from '../../shared/exo';

/**
 * Reads each file as bytes and decodes it as Exchange Online PowerShell writes it (UTF-8 with or
 * without a byte order mark, or UTF-16 from Windows PowerShell's `>`).
 */
export async function readExoFiles(files: readonly File[]): Promise<ExoFile[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, text: decodeExoBytes(new Uint8Array(await f.arrayBuffer())) })));
}

/**
 * A tenant name suggested from an `….onmicrosoft.com` accepted domain in the chosen files (the
 * initial domain every tenant has), or null.
 */
export function suggestTenantName(files: readonly ExoFile[]): string | null {
  for (const f of files) {
    const match = /"DomainName"\s*:\s*"([A-Za-z0-9-]+)\.onmicrosoft\.com"/.exec(f.text);
    if (match) return match[1].charAt(0).toUpperCase() + match[1].slice(1);
  }
  return null;
}

/** A file name made safe for every file system, keeping letters of any script. */
export function safeFileStem(text: string): string {
  const stem = text
    .normalize('NFKC')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return stem || 'tenant';
}
