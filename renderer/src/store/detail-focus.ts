// Where focus goes back to when the skill detail closes: the control that opened it. Remembered
// when the detail is opened (the detail itself loads later, when focus has already left the view).
let opener: HTMLElement | null = null;

export function rememberDetailOpener(): void {
  opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
}

/** After the detail closed: back to its opener, unless the person already moved on (e.g. to the navigation). */
export function returnFocusToOpener(): void {
  const target = opener;
  opener = null;
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const focusLost = !active || active === document.body;
    if (focusLost && target?.isConnected && !target.closest('[hidden]')) target.focus();
  });
}
