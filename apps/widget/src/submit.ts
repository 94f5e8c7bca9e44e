const ATTEMPTS = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Posts the response, retrying network failures, 429 and 5xx with backoff (0.5, 1, 2, 4 s).
 * The body carries the same id each time, so a retry whose first attempt did arrive stores
 * nothing new. Resolves with the first definite answer; rejects when every attempt failed.
 */
export async function postWithRetries(url: string, body: string): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        credentials: 'omit',
      });
      if (res.status < 500 && res.status !== 429) return res;
      if (attempt >= ATTEMPTS) return res;
    } catch (err) {
      if (attempt >= ATTEMPTS) throw err;
    }
    await sleep(250 * 2 ** attempt);
  }
}

/** A response id: a random UUID (crypto.randomUUID needs a secure context, so not always there). */
export function newResponseId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => (x + 256).toString(16).slice(1)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
