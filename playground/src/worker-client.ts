// The page's side of the language worker: typed request/response over postMessage.
import type { Request, Response, Results } from './protocol.ts';

export class LanguageClient {
  private readonly worker: Worker;
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor() {
    this.worker = new Worker(new URL('./worker/language.worker.ts', import.meta.url), { type: 'module', name: 'guideline-language' });
    this.worker.onmessage = (ev: MessageEvent<Response>) => {
      const p = this.pending.get(ev.data.id);
      if (!p) return;
      this.pending.delete(ev.data.id);
      if (ev.data.ok) p.resolve(ev.data.result);
      else p.reject(new Error(ev.data.error));
    };
  }

  request<K extends Request['kind']>(req: Extract<Request, { kind: K }>): Promise<Results[K]> {
    const id = this.next++;
    return new Promise<Results[K]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, req });
    });
  }
}
