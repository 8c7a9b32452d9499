// Tabs as the WAI-ARIA pattern has them: each tab controls its panel, the selected one alone is in
// the Tab order, arrow keys (and Home, End) move between tabs and select them. Panels are added by
// markup (a findings panel is one more button and section), none by code.
export class Tabs {
  private readonly tabs: HTMLButtonElement[];

  constructor(list: HTMLElement, private readonly onSelect: (name: string) => void) {
    this.tabs = [...list.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    for (const t of this.tabs) {
      const panel = document.getElementById(`tab-${t.dataset['tab']}`);
      t.id = `tab-button-${t.dataset['tab']}`;
      if (panel) {
        t.setAttribute('aria-controls', panel.id);
        panel.setAttribute('aria-labelledby', t.id);
        panel.tabIndex = 0;
      }
      t.addEventListener('click', () => this.select(t.dataset['tab']!));
      t.addEventListener('keydown', (e) => this.key(e, t));
    }
    const selected = this.tabs.find((t) => t.getAttribute('aria-selected') === 'true') ?? this.tabs[0];
    if (selected) this.select(selected.dataset['tab']!, false);
  }

  get selected(): string {
    return this.tabs.find((t) => t.getAttribute('aria-selected') === 'true')?.dataset['tab'] ?? '';
  }

  select(name: string, notify = true): void {
    for (const t of this.tabs) {
      const on = t.dataset['tab'] === name;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      const panel = document.getElementById(`tab-${t.dataset['tab']}`);
      if (panel) panel.hidden = !on;
    }
    if (notify) this.onSelect(name);
  }

  private key(e: KeyboardEvent, t: HTMLButtonElement): void {
    const i = this.tabs.indexOf(t);
    const n = this.tabs.length;
    const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i - 1 + n) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    this.tabs[to]!.focus();
    this.select(this.tabs[to]!.dataset['tab']!);
  }
}
