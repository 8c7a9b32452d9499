// The handle between the editor and the case panes: dragged with the pointer, or moved with the arrow
// keys when focused (a WAI-ARIA window splitter), between 20% and 80% of the width.
export function splitter(handle: HTMLElement, layout: HTMLElement): void {
  let share = 58;
  const set = (v: number): void => {
    share = Math.min(80, Math.max(20, Math.round(v)));
    layout.style.gridTemplateColumns = `minmax(0, ${share}fr) auto minmax(0, ${100 - share}fr)`;
    handle.setAttribute('aria-valuenow', String(share));
  };
  handle.addEventListener('pointerdown', (e) => {
    handle.setPointerCapture(e.pointerId);
    const move = (ev: PointerEvent): void => {
      const box = layout.getBoundingClientRect();
      set(((ev.clientX - box.left) / box.width) * 100);
    };
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  handle.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowLeft' ? -5 : e.key === 'ArrowRight' ? 5 : 0;
    if (e.key === 'Home') set(20);
    else if (e.key === 'End') set(80);
    else if (step) set(share + step);
    else return;
    e.preventDefault();
  });
}
