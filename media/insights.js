// The Insights page's script (loaded with the page's nonce). It only turns clicks into messages for
// the extension: open a post-mortem at a line, export the page. It never navigates itself.
// @ts-check
(function () {
  'use strict';
  /* global acquireVsCodeApi */
  // @ts-ignore: provided by VS Code in webviews
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-open-uri], [data-command]') : null;
    if (!target) return;
    event.preventDefault();
    const command = target.getAttribute('data-command');
    if (command === 'export') return vscode.postMessage({ type: 'export' });
    const line = Number(target.getAttribute('data-open-line'));
    vscode.postMessage({ type: 'open', uri: target.getAttribute('data-open-uri'), line: Number.isInteger(line) && line >= 0 ? line : 0 });
  });
  vscode.postMessage({ type: 'ready' });
})();
