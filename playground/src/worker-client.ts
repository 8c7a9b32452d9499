// The page's side of a worker (the language worker's, or the analysis worker's): typed request/response
// over postMessage. If the worker dies (out of memory, a script error), every pending and later request
// fails with the reason, and the page is told once, instead of waiting forever.
import type { Request, Response, Results } from './protocol.ts';
import languageWorkerUrl from './worker/language.worker.ts?worker&url';
import { startWorker } from './workers.ts';

export class LanguageClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private stopped: Error | undefined;
  private readonly label: string;

  constructor(
    private readonly onStopped: (reason: string) => void = () => {},
    /** The worker's script and name: the language worker's unless given (the analysis worker's). */
    script: { url: string; name: string } = { url: languageWorkerUrl, name: 'guideline-language' },
  ) {
    this.worker = startWorker(script.url, script.name);
    this.label = script.name.replace(/^guideline-/, '');
    this.worker.onmessage = (ev: MessageEvent<Response>) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      this.pending.delete(ev.data.id);
      if (ev.data.ok) p.resolve(ev.data.result);
      else p.reject(new Error(ev.data.error));
    };
    this.worker.onerror = (ev: ErrorEvent) => {
      ev.preventDefault();
      this.stop(ev.message || 'the worker stopped');
    };
    this.worker.onmessageerror = () => this.stop('a message from the worker could not be read');
  }

  private stop(reason: string): void {
    if (this.stopped) return;
    this.stopped = new Error(`The ${this.label} worker stopped: ${reason}`);
    for (const p of this.pending.values()) p.reject(this.stopped);
    this.pending.clear();
    this.worker.terminate();
    this.onStopped(this.stopped.message);
  }

  request<K extends Request['kind']>(req: Extract<Request, { kind: K }>): Promise<Results[K]> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.next++;
    return new Promise<Results[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, req });
    });
  }
}
