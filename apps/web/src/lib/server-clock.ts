/**
 * The server's clock as the browser sees it. "Today" in the app (the end of "the last 30 days",
 * the current month on the home page) is the server's today in the workspace's zone, where the
 * answers are dated: a browser whose clock is off, or a server on a fixed day (POLKU_TODAY),
 * would otherwise show periods that miss the data. The offset comes with every session answer.
 */
let offsetMs = 0;

/** Remembers how far the server's clock is from the browser's (its `serverTime`, just read). */
export function syncServerClock(serverTime: number, receivedAt: number = Date.now()): void {
  offsetMs = serverTime - receivedAt;
}

/** Now by the server's clock. */
export function serverNow(): Date {
  return new Date(Date.now() + offsetMs);
}
