import { createHash } from 'node:crypto';

/**
 * A response id made from what identifies the response, so importing the same file twice
 * stores nothing new: the source system's response id when the file has one, else the row's
 * own content. When the row says when it was answered, the id is UUIDv7-shaped with that time
 * in its first 48 bits (like ids made at intake): rows then sort by time and go into the
 * indexes in order, which keeps a large import fast. Without a time it is UUIDv8 from SHA-256.
 */
export function importedResponseId(
  workspaceId: string,
  surveyId: string,
  source: { sourceId: string } | { fields: string[] },
  submittedAt?: number,
): string {
  const hash = createHash('sha256').update(workspaceId).update('\0').update(surveyId).update('\0');
  if ('sourceId' in source) hash.update('id\0').update(source.sourceId);
  else hash.update('row\0').update(source.fields.join('\u001f'));
  let h = hash.digest('hex');
  let version = '8';
  if (submittedAt !== undefined && submittedAt >= 0 && submittedAt < 2 ** 48) {
    h = submittedAt.toString(16).padStart(12, '0') + h.slice(12);
    version = '7';
  }
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${version}${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
