// Messages that stay in the page until what they report is over (a share link not opened, work not
// saved, the worker stopped): one per topic, with a code (`data-code`) and the actions that help.
import { el } from './dom.ts';

export type NoticeTopic = 'link' | 'storage' | 'worker' | 'reset' | 'version';

export interface Notice {
  /** Stable code of what happened: a share-link problem, `not-saved`, `from-tab`, ... */
  code: string;
  level: 'error' | 'warning' | 'info';
  text: string;
  actions?: { label: string; run: () => void }[];
  /** Whether the reader may close it (a notice about unsaved work stays until a save succeeds). */
  dismissable?: boolean;
}

export class Notices {
  private readonly shown = new Map<NoticeTopic, HTMLElement>();

  constructor(private readonly host: HTMLElement) {}

  /** Shows a topic's notice in place of the one before, or removes it. */
  set(topic: NoticeTopic, notice: Notice | undefined): void {
    this.shown.get(topic)?.remove();
    this.shown.delete(topic);
    if (!notice) return;
    const buttons = (notice.actions ?? []).map((a) => {
      const b = el('button', { type: 'button', class: 'small' }, a.label);
      b.addEventListener('click', a.run);
      return b;
    });
    if (notice.dismissable !== false) {
      const close = el('button', { type: 'button', class: 'small', title: 'Dismiss this message' }, 'Dismiss');
      close.addEventListener('click', () => this.set(topic, undefined));
      buttons.push(close);
    }
    const node = el('div', { class: `notice-bar notice-${notice.level}`, role: notice.level === 'info' ? 'status' : 'alert', 'data-notice': topic, 'data-code': notice.code },
      el('span', { class: 'notice-text' }, notice.text), buttons);
    this.host.append(node);
    this.shown.set(topic, node);
  }

  code(topic: NoticeTopic): string | undefined {
    return this.shown.get(topic)?.dataset['code'];
  }
}
