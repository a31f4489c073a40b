// The editor page's own script, loaded before Decap CMS (served as is by edit-server.ts). It sits
// between Decap and our server's /api/v1: before a save of a published table it asks for the
// 修改原因 and sends it along; after a save it shows what the server says — published, or the
// checker's problems beside the fields they are about; and it says why a file the form cannot show
// is not opened. Plain browser JavaScript: the page loads nothing from outside.
(() => {
  'use strict';
  /** path → whether it is published (committed), and the refusal of a file the form cannot show. */
  const published = new Map();
  const refused = new Map();

  const style = document.createElement('style');
  style.textContent = `
    .gk-panel { position: fixed; inset-inline-end: 1rem; inset-block-end: 1rem; z-index: 10000; max-inline-size: min(36rem, calc(100vw - 2rem));
      max-block-size: 60vh; overflow: auto; background: #fff; color: #1b1b1b; border: 2px solid #1d4ed8; border-radius: 6px; padding: 1rem; font: 16px/1.6 sans-serif; box-shadow: 0 4px 16px rgb(0 0 0 / 0.2); }
    .gk-panel--problem { border-color: #b91c1c; }
    .gk-panel h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
    .gk-panel ul { margin: 0; padding-inline-start: 1.2rem; }
    .gk-panel button, .gk-reason button { font: inherit; padding: .3rem .9rem; margin-block-start: .5rem; cursor: pointer; }
    .gk-reason { font: 16px/1.6 sans-serif; max-inline-size: 32rem; border: 2px solid #1d4ed8; border-radius: 6px; }
    .gk-reason textarea { inline-size: 100%; box-sizing: border-box; font: inherit; }
    .gk-reason .gk-error { color: #b91c1c; }`;
  document.head.append(style);

  function remember(json) {
    const entries = Array.isArray(json) ? json : json && json.file ? [json] : [];
    for (const entry of entries) {
      const file = entry && entry.file;
      if (!file || typeof file.path !== 'string') continue;
      published.set(file.path, Boolean(file.published));
      if (file.refused) refused.set(file.path, file.refused);
      else refused.delete(file.path);
    }
  }

  let panel;
  function showPanel(title, lines, kind) {
    panel?.remove();
    panel = document.createElement('section');
    panel.className = `gk-panel${kind === 'problem' ? ' gk-panel--problem' : ''}`;
    panel.setAttribute('role', kind === 'problem' ? 'alert' : 'status');
    panel.setAttribute('aria-label', title);
    const h = document.createElement('h2');
    h.textContent = title;
    panel.append(h);
    if (lines.length) {
      const ul = document.createElement('ul');
      for (const line of lines) {
        const li = document.createElement('li');
        li.textContent = line;
        ul.append(li);
      }
      panel.append(ul);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '知道了';
    close.addEventListener('click', () => panel.remove());
    panel.append(close);
    document.body.append(panel);
  }

  /**
   * Each problem also at its field: under the hint below the input of the field's first name (预算数 …).
   * Written as a style rule (the hint's ::after), not as nodes: Decap's React owns the form's DOM,
   * and nodes put into it break its later updates of the inputs.
   */
  const fieldStyle = document.createElement('style');
  document.head.append(fieldStyle);
  function markFields(problems) {
    const byField = new Map();
    for (const problem of problems) {
      const top = String(problem.field || '').split(/[.[]/)[0];
      if (top) byField.set(top, [...(byField.get(top) || []), `${problem.field}：${problem.message}`]);
    }
    fieldStyle.textContent = [...byField].map(([name, lines]) =>
      `[id^="${CSS.escape(name)}-field"] ~ p::after { content: ${JSON.stringify(lines.join('\n'))}; display: block; white-space: pre-wrap; color: #b91c1c; font: 15px/1.5 sans-serif; margin-block: .25rem .5rem; padding-inline-start: .5rem; border-inline-start: 4px solid #b91c1c; }`,
    ).join('\n');
  }

  /** Asks for the 修改原因 of a published table; null when the editor cancels. */
  function askReason(path) {
    return new Promise((done) => {
      const dialog = document.createElement('dialog');
      dialog.className = 'gk-reason';
      dialog.setAttribute('aria-labelledby', 'gk-reason-title');
      dialog.innerHTML = `<form method="dialog">
        <h2 id="gk-reason-title">修改原因</h2>
        <p>这张表已经公开。请写明为什么修改、依据是什么；它会显示在网站这张表的“修订记录”里。</p>
        <label for="gk-reason-text">修改原因</label>
        <textarea id="gk-reason-text" rows="3" required></textarea>
        <p class="gk-error" role="alert" hidden>请写修改原因。</p>
        <button type="submit" value="ok">保存并发布</button>
        <button type="submit" value="cancel" formnovalidate>取消</button>
      </form>`;
      dialog.dataset.path = path;
      const text = dialog.querySelector('textarea');
      dialog.querySelector('form').addEventListener('submit', (event) => {
        if (event.submitter?.value === 'ok' && !text.value.trim()) {
          event.preventDefault();
          dialog.querySelector('.gk-error').hidden = false;
          text.focus();
        }
      });
      dialog.addEventListener('close', () => {
        dialog.remove();
        done(dialog.returnValue === 'ok' ? text.value.trim() : null);
      });
      document.body.append(dialog);
      dialog.showModal();
      text.focus();
    });
  }

  const json = (body, status) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  const originalFetch = window.fetch.bind(window);
  window.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input.url;
    if (!url.endsWith('/api/v1') || !init || typeof init.body !== 'string') return originalFetch(input, init);
    const body = JSON.parse(init.body);
    if (body.action === 'persistEntry') {
      showPanel('正在保存和检查……', [], 'status');
      const path = body.params?.dataFiles?.[0]?.path;
      if (refused.has(path)) return json({ error: refused.get(path) }, 422);
      if (published.get(path)) {
        const reason = await askReason(path);
        if (reason === null) return json({ error: '没有保存：修改已经公开的表要写修改原因' }, 422);
        body.params.reason = reason;
        init = { ...init, body: JSON.stringify(body) };
      }
    }
    const response = await originalFetch(input, init);
    const result = await response.clone().json().catch(() => null);
    if (body.action === 'persistEntry') {
      if (!response.ok) showPanel('没有保存', [result?.error ?? '保存失败'], 'problem');
      else if (result?.problems?.length) {
        showPanel(result.message, result.problems.map((p) => `${p.field || '（整个文件）'}（第 ${p.line} 行）：${p.message}`), 'problem');
        markFields(result.problems);
      } else if (result?.message) {
        showPanel(result.message, [], 'status');
        markFields([]);
        if (result.file) published.set(result.file, Boolean(result.commit) || published.get(result.file));
        const sent = body.params?.dataFiles?.[0]?.path;
        if (sent && result.commit) published.set(sent, true);
      }
    } else {
      // After every answer, not only when it names a new refused file: Decap may still be on another
      // hash when the answer that names the opened file arrives, and no later answer would add one.
      remember(result);
      checkOpened();
    }
    return response;
  };

  /** Opening an entry the form cannot show: say why, in place of a form that would lose the field (once per opening). */
  let shownFor;
  function checkOpened() {
    const m = /#\/collections\/[^/]+\/entries\/(.+)$/.exec(location.hash);
    if (!m) return;
    const slug = decodeURIComponent(m[1]);
    for (const [path, message] of refused) {
      if (!path.endsWith(`/${slug}.yaml`) || shownFor === path) continue;
      shownFor = path;
      return showPanel('这个文件不能在表单中编辑', [`${path}：${message}`], 'problem');
    }
  }
  window.addEventListener('hashchange', () => {
    shownFor = undefined;
    setTimeout(checkOpened, 300);
  });
})();
