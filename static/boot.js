// Starts the WebAssembly app from an external, integrity-checked file, so that the page's
// Content-Security-Policy can forbid inline scripts altogether.
//
// Trunk writes the hashed names of the app's JavaScript glue and WebAssembly module into
// <meta name="app-entry"> (Trunk.toml, `pattern_script`) and preloads both with Subresource
// Integrity. This loader imports the glue and fetches the module with that same integrity, so a
// file that was changed on the way is refused. Where WebAssembly is missing, or the app fails to
// load, it replaces the "loading" line with a plain message and the open-data links, above the
// built-in content where the page has some (crates/site/src/prerender.rs): never a blank page.

const entry = document.querySelector('meta[name="app-entry"]');
const root = document.getElementById('app');

/** Replaces the loading line with a message in both languages (text only, never HTML). */
function showProblem(zh, en) {
  // A panic during start-up has already drawn the error screen; keep it.
  if (root.querySelector('.crash')) return;
  const box = document.createElement('div');
  box.className = 'crash';
  box.setAttribute('role', 'alert');
  box.id = 'boot-problem';
  const heading = document.createElement('h1');
  heading.textContent = zh.title + ' / ' + en.title;
  const textZh = document.createElement('p');
  textZh.lang = 'zh-Hans';
  textZh.textContent = zh.text;
  const textEn = document.createElement('p');
  textEn.lang = 'en';
  textEn.textContent = en.text;
  const links = document.createElement('p');
  for (const [href, label] of [['data/targets.csv', 'targets.csv'], ['data/targets.json', 'targets.json']]) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = label;
    if (links.childNodes.length) links.append(' · ');
    links.append(a);
  }
  const reload = document.createElement('a');
  reload.className = 'button primary';
  reload.href = location.href;
  reload.textContent = '重新加载 / Reload';
  box.append(heading, textZh, textEn, links, reload);
  document.getElementById('boot')?.remove();
  // First in #app: above any prerendered content, where it is seen.
  root.prepend(box);
}

/**
 * Reconciles prerendered content with the link. `#app[data-prerendered]` holds the query the page's
 * built-in HTML was rendered for (crates/site/src/prerender.rs): a document's own page (doc-<id>.html, opened
 * without a query) hands the app that query as a link of the site's main page, so what the app
 * writes to the address bar stays shareable; a link asking for another view hides the built-in
 * content behind the loading line until the app draws the view asked for.
 */
function matchPrerendered() {
  const built = root.dataset.prerendered;
  if (built === undefined) return;
  if (!location.search && built) {
    history.replaceState(null, '', './?' + built + location.hash);
    return;
  }
  const view = (query) => {
    const params = new URLSearchParams(query);
    return `${params.get('v') ?? 'home'} ${params.get('doc') ?? ''} ${params.get('embed') ?? ''}`;
  };
  if (view(location.search) !== view(built)) {
    const line = document.createElement('p');
    line.id = 'boot';
    line.className = 'boot';
    line.setAttribute('role', 'status');
    line.textContent = '正在加载… · Loading…';
    root.replaceChildren(line);
  }
}

async function start() {
  matchPrerendered();
  if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
    showProblem(
      { title: '浏览器不支持本站', text: '本站需要 WebAssembly,您的浏览器不支持或已将其关闭。请换用较新版本的浏览器(国产浏览器请切换到“极速模式”)。开放数据可直接下载:' },
      { title: 'This browser cannot run the site', text: 'The site needs WebAssembly, which this browser lacks or has switched off. Please use a current browser. The open data can be downloaded directly:' },
    );
    return;
  }
  try {
    if (!entry) throw new Error('index.html lacks <meta name="app-entry">');
    const wasmUrl = entry.dataset.wasm;
    const preload = [...document.querySelectorAll('link[rel="preload"]')].find((l) => l.getAttribute('href') === wasmUrl);
    const { default: init } = await import(new URL(entry.content, document.baseURI).href);
    const wasm = fetch(wasmUrl, { integrity: preload?.integrity ?? '', credentials: 'same-origin' });
    await init({ module_or_path: wasm });
    // The loading line stays until the app mounts, which replaces everything in #app: the app
    // fetches its data first, and a page without built-in content must not go blank meanwhile.
    registerServiceWorker();
  } catch (error) {
    console.error('policy explorer failed to start:', error);
    showProblem(
      { title: '页面未能加载', text: '程序文件未能加载或运行。请检查网络后重新加载;若问题持续,请换用较新版本的浏览器。开放数据可直接下载:' },
      { title: 'The page could not load', text: 'The program files could not be loaded or run. Please check the connection and reload; if it persists, try a current browser. The open data can be downloaded directly:' },
    );
  }
}

/**
 * Registers static/sw.js (offline copy of this build) once the app runs, on http(s) secure
 * contexts only. `register` is a Trusted Types sink: the page's CSP allows one policy, `sw-url`,
 * which accepts nothing but this folder's sw.js. A failure only costs the offline copy: a warning.
 */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !window.isSecureContext || !/^https?:$/.test(location.protocol)) return;
  const url = new URL('sw.js', document.baseURI).href;
  try {
    const policy = window.trustedTypes?.createPolicy('sw-url', {
      createScriptURL: (value) => {
        if (value !== url) throw new TypeError('only the site\'s own service worker may be registered');
        return value;
      },
    });
    navigator.serviceWorker
      .register(policy ? policy.createScriptURL(url) : url)
      .catch((error) => console.warn('offline copy not available:', error));
  } catch (error) {
    console.warn('offline copy not available:', error);
  }
}

start();
