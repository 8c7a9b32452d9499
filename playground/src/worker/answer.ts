// How a worker of the playground answers the page: one request at a time, in order (a request sees
// every edit sent before it, however its answer awaits), each answered with its result or the error
// that stopped it, even a result the page cannot be sent.
import type { Request, Response } from '../protocol.ts';

const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

export function answerRequests(handle: (req: Request) => unknown): void {
  const answer = async ({ id, req }: { id: number; req: Request }): Promise<void> => {
    let res: Response;
    try {
      res = { id, ok: true, result: await handle(req) };
    } catch (e) {
      res = { id, ok: false, error: errorText(e) };
    }
    try {
      self.postMessage(res);
    } catch (e) {
      self.postMessage({ id, ok: false, error: errorText(e) } satisfies Response);
    }
  };
  let queue = Promise.resolve();
  self.onmessage = (ev: MessageEvent<{ id: number; req: Request }>) => {
    queue = queue.then(() => answer(ev.data));
  };
}
