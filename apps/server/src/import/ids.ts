import { createHash } from 'node:crypto';

/**
 * A stable id for an imported record, made from what identifies it, so importing the same file
 * twice stores nothing new: the source system's id when the file has one, else the row's own
 * content, hashed with the `scope` (workspace, survey…) it is imported into. When the row says
 * when it happened, the id is UUIDv7-shaped with that time in its first 48 bits (like ids made
 * at intake): rows then sort by time and go into the indexes in order, which keeps a large
 * import fast. Without a time it is UUIDv8 from SHA-256.
 */
export function importedId(
  scope: readonly string[],
  source: { sourceId: string } | { fields: string[] },
  at?: number,
): string {
  const hash = createHash('sha256');
  for (const part of scope) hash.update(part).update('\0');
  if ('sourceId' in source) hash.update('id\0').update(source.sourceId);
  else hash.update('row\0').update(source.fields.join('\u001f'));
  let h = hash.digest('hex');
  let version = '8';
  if (at !== undefined && at >= 0 && at < 2 ** 48) {
    h = at.toString(16).padStart(12, '0') + h.slice(12);
    version = '7';
  }
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${version}${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A response's id from its source id or row (see importedId). */
export function importedResponseId(
  workspaceId: string,
  surveyId: string,
  source: { sourceId: string } | { fields: string[] },
  submittedAt?: number,
): string {
  return importedId([workspaceId, surveyId], source, submittedAt);
}
