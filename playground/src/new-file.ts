// A new guideline file, started empty in the workspace: the toolbar's New file asks for its name (a
// path under guidelines/, as the CLI's folder has it) and opens it. Until then the workspace held only
// the bundled files, so a guideline of one's own had to be written over one of them.
import { isAcceptableFileName } from './file-names.ts';

/** What is wrong with a name for a new file, or undefined when it will do. */
export function newFileProblem(name: string, existing: ReadonlySet<string>): string | undefined {
  if (!name) return 'Give the file a name, such as guidelines/acme/epidural/epidural.guideline.';
  if (existing.has(name)) return `${name} already exists: pick it in the file list, or give another name.`;
  if (!name.startsWith('guidelines/')) return 'A guideline file goes under guidelines/, such as guidelines/acme/epidural/epidural.guideline.';
  if (!name.endsWith('.guideline')) return 'A guideline file name ends in .guideline.';
  if (!isAcceptableFileName(name, new Set())) return 'Use lower-case letters, digits, - and _ in the folder and file names, with / between folders.';
  return undefined;
}

/** The name offered for a new file: one no file has yet. */
export function suggestedName(existing: ReadonlySet<string>): string {
  for (let i = 1; ; i++) {
    const id = i === 1 ? 'my-guideline' : `my-guideline-${i}`;
    const name = `guidelines/my-guidelines/${id}.guideline`;
    if (!existing.has(name)) return name;
  }
}

/**
 * The New file button and its form: the name is checked as it is typed (the problem said beside it),
 * Enter or Create makes the file, Escape or Cancel puts the focus back on the button.
 */
export class NewFileForm {
  constructor(
    private readonly button: HTMLButtonElement,
    private readonly form: HTMLFormElement,
    private readonly files: () => ReadonlySet<string>,
    create: (file: string) => void,
  ) {
    const input = this.input;
    const problem = this.problem;
    button.addEventListener('click', () => this.open());
    input.addEventListener('input', () => {
      problem.textContent = '';
      input.removeAttribute('aria-invalid');
    });
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const name = input.value.trim();
      const wrong = newFileProblem(name, this.files());
      if (wrong) {
        problem.textContent = wrong;
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      this.close(false);
      create(name);
    });
    form.querySelector('[data-action=cancel]')?.addEventListener('click', () => this.close());
    form.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape') {
        ev.preventDefault();
        this.close();
      }
    });
  }

  private get input(): HTMLInputElement {
    return this.form.querySelector('input')!;
  }

  private get problem(): HTMLElement {
    return this.form.querySelector('.new-file-problem')!;
  }

  open(): void {
    this.form.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.input.value = suggestedName(this.files());
    this.problem.textContent = '';
    this.input.removeAttribute('aria-invalid');
    this.input.focus();
    // The file's own name is the part to change: selected, so typing replaces it.
    const slash = this.input.value.lastIndexOf('/');
    this.input.setSelectionRange(slash + 1, this.input.value.length - '.guideline'.length);
  }

  close(refocus = true): void {
    this.form.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus();
  }
}
