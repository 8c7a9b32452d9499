// The handles between panes: dragged with the pointer, or moved with the arrow keys (Home and End for
// the ends) when focused, a WAI-ARIA window splitter whose value is the first pane's share in percent.
// Between the editor and the case panes (left and right), and between the case and the results (up
// and down); each share is remembered in local storage across reloads.

export interface Split {
  /** 'vertical': a handle between panes side by side (moved left and right); 'horizontal': one above the other. */
  orientation: 'vertical' | 'horizontal';
  /** The first pane's share in percent, at first and within its bounds. */
  initial: number;
  min: number;
  max: number;
  /** Lays the panes out for a share. */
  apply: (share: number) => void;
  /** Where the share is remembered. */
  key: string;
}

const keyPrefix = 'guideline-playground:v1:split:';

/** The share remembered under a key, when it is a number within the bounds. */
function remembered(s: Split, storage: () => Storage): number | undefined {
  try {
    const v = Number(storage().getItem(keyPrefix + s.key) ?? NaN);
    return Number.isFinite(v) && v >= s.min && v <= s.max ? v : undefined;
  } catch {
    return undefined;
  }
}

export function splitter(handle: HTMLElement, area: HTMLElement, s: Split, storage: () => Storage = () => localStorage): void {
  const across = s.orientation === 'vertical';
  let share = s.initial;
  const set = (v: number, keep: boolean): void => {
    share = Math.min(s.max, Math.max(s.min, Math.round(v)));
    s.apply(share);
    handle.setAttribute('aria-valuenow', String(share));
    if (!keep) return;
    try {
      storage().setItem(keyPrefix + s.key, String(share));
    } catch {
      // not remembered: the share still holds for this page
    }
  };
  handle.setAttribute('aria-orientation', s.orientation);
  handle.setAttribute('aria-valuemin', String(s.min));
  handle.setAttribute('aria-valuemax', String(s.max));
  set(remembered(s, storage) ?? s.initial, false);
  handle.addEventListener('pointerdown', (e) => {
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent): void => {
      const box = area.getBoundingClientRect();
      set(across ? ((ev.clientX - box.left) / box.width) * 100 : ((ev.clientY - box.top) / box.height) * 100, true);
    };
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (e) => {
    const [less, more] = across ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
    const step = e.key === less ? -5 : e.key === more ? 5 : 0;
    if (e.key === 'Home') set(s.min, true);
    else if (e.key === 'End') set(s.max, true);
    else if (step) set(share + step, true);
    else return;
    e.preventDefault();
  });
}
