// GraphiQL's editors are CodeMirror textareas without labels, its tabs nest buttons inside
// role="tab" items, and its editor scroller takes no focus: patched in the DOM as GraphiQL
// renders (it offers no props for these), so screen-reader and keyboard users can work in it.

const EDITOR_LABELS: [string, string][] = [
  ['.graphiql-query-editor textarea', 'Query editor / 查询编辑器'],
  ['.graphiql-editor-tool .graphiql-editor:nth-child(1) textarea', 'Variables editor / 变量编辑器'],
  ['.graphiql-editor-tool .graphiql-editor:nth-child(2) textarea', 'Headers editor / 请求头编辑器'],
  ['.graphiql-response textarea', 'Response / 响应结果'],
];

function patch(root: ParentNode): void {
  for (const [selector, label] of EDITOR_LABELS) {
    root.querySelectorAll<HTMLTextAreaElement>(selector).forEach((el) => {
      if (!el.hasAttribute('aria-label')) el.setAttribute('aria-label', label);
    });
  }
  root.querySelectorAll<HTMLTextAreaElement>('textarea[readonly]:not([aria-label])').forEach((el) => el.setAttribute('aria-label', 'Response / 响应结果'));
  root.querySelectorAll<HTMLElement>('.CodeMirror-scroll').forEach((el) => {
    if (el.getAttribute('tabindex') !== '0') el.setAttribute('tabindex', '0');
  });
  // A tab holds its own close button, which ARIA tabs cannot: the tabs become a plain list of
  // buttons, the active one marked aria-current.
  root.querySelectorAll<HTMLElement>('ul[role="tablist"]').forEach((list) => list.removeAttribute('role'));
  root.querySelectorAll<HTMLElement>('li[role="tab"]').forEach((tab) => {
    const button = tab.querySelector<HTMLElement>('button');
    if (button) {
      if (tab.getAttribute('aria-selected') === 'true') button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
    }
    tab.removeAttribute('role');
    tab.removeAttribute('aria-selected');
  });
}

export function patchGraphiqlAccessibility(root: HTMLElement): void {
  patch(root);
  new MutationObserver(() => patch(root)).observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-selected', 'role', 'class'] });
}
