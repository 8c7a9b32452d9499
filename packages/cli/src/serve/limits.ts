// The decision server's defaults and bounds, apart from the server itself: the command's help reads
// them without loading the HTTP stack (which costs every other command its start-up time).
/** The server's defaults and bounds (docs/limits.md); `--body-limit` and `--timeout` change the first two. */
export const serveLimits = {
  /** The largest request body by default: 413. */
  bodyBytes: 10_485_760,
  /** How long a request may take to arrive and a batch to be answered, by default: 408 or `timeout` lines. */
  timeoutSeconds: 30,
  /** How often Node's server looks for requests past their time (its default, 30 s, lets a 3 s timeout run to 33 s). */
  timeoutCheckMs: 500,
  /** How long the request headers may take to arrive, at most. */
  headersMs: 60_000,
  /** How long an idle keep-alive connection is kept. */
  keepAliveMs: 5_000,
  /** How long a stop waits for requests in flight before it closes their connections. */
  graceMs: 10_000,
};
