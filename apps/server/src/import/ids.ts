import { createHash } from 'node:crypto';

/**
 * A response id made from what identifies the response, so importing the same file twice
 * stores nothing new: the source system's response id when the file has one, else the
 * row's own content. UUID-shaped (version 8, "custom"), hex from SHA-256.
 */
export function importedResponseId(
  workspaceId: string,
  surveyId: string,
  source: { sourceId: string } | { fields: string[] },
): string {
  const hash = createHash('sha256').update(workspaceId).update('\0').update(surveyId).update('\0');
  if ('sourceId' in source) hash.update('id\0').update(source.sourceId);
  else hash.update('row\0').update(source.fields.join('\u001f'));
  const h = hash.digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
