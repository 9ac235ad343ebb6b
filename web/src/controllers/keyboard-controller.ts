// Global shortcuts. Ignored while typing in an input, textarea or the Cypher editor.
export interface Shortcuts {
  focusSearch(): void;
  escape(): void;
  undo(): void;
  fit(): void;
  zoomIn(): void;
  zoomOut(): void;
  play(): void;
  /** Digits 1–9: the n-th view of the registry (0-based here). */
  view(index: number): void;
}

function typing(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  return (
    t.isContentEditable ||
    t.tagName === 'INPUT' ||
    t.tagName === 'TEXTAREA' ||
    t.tagName === 'SELECT' ||
    !!t.closest('.cm-editor')
  );
}

export function startKeyboard(k: Shortcuts): void {
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      if (!typing(e.target)) k.escape();
      return;
    }
    if (typing(e.target) || e.altKey) return;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z')
      return (e.preventDefault(), k.undo());
    if (e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case '/':
        e.preventDefault();
        return k.focusSearch();
      case 'u':
        return k.undo();
      case 'f':
        return k.fit();
      case '+':
      case '=':
        return k.zoomIn();
      case '-':
        return k.zoomOut();
      case 'p':
        return k.play();
    }
    // preventDefault: the digit must not also be typed into whatever the new view focuses.
    if (/^[1-9]$/.test(e.key)) {
      e.preventDefault();
      k.view(Number(e.key) - 1);
    }
  });
}
