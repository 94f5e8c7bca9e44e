type Child = Node | string | null | undefined | false;

/** Creates an element; attributes set as given (true → present, false/undefined → absent). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const name of Object.keys(attrs)) {
    const v = attrs[name];
    if (v !== undefined && v !== false) el.setAttribute(name, v === true ? '' : String(v));
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

/**
 * The widget's only styles, inside its shadow root: the host page's selectors cannot reach in,
 * and `:host{all:initial!important}` stops its inherited properties (an important rule of the
 * inner context beats the page's, even the page's important ones). Sizes are in px, not rem,
 * because rem follows the host page's root font size.
 */
export const css = `
:host{all:initial!important;display:contents!important}
*{box-sizing:border-box}
.fab,dialog{font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1b1b1f;letter-spacing:normal;text-align:left}
.fab,.send{border:0;background:#1f4fd1;color:#fff;font-weight:600;cursor:pointer}
.fab{position:fixed;right:20px;bottom:20px;z-index:2147483647;padding:10px 20px;border-radius:24px;box-shadow:0 2px 10px rgba(0,0,0,.3)}
.send{font:inherit;font-weight:600;padding:10px 22px;border-radius:6px}
.send[aria-disabled=true]{opacity:.75;cursor:progress}
:focus-visible,.scale input:focus-visible+span{outline:3px solid #1f4fd1;outline-offset:2px}
.fab:focus-visible{outline-color:#1b1b1f}
[tabindex="-1"]:focus{outline:none}
dialog{width:min(32em,calc(100vw - 24px));max-height:calc(100vh - 24px);overflow:auto;border:0;border-radius:12px;padding:0;background:#fff;box-shadow:0 8px 40px rgba(0,0,0,.35)}
dialog::backdrop{background:rgba(0,0,0,.45)}
.hd{display:flex;align-items:flex-start;gap:8px;padding:16px 16px 4px}
h2{flex:1;margin:0;font-size:20px;line-height:1.3}
.x{border:0;background:none;color:inherit;font:inherit;font-size:24px;line-height:1;padding:2px 8px;border-radius:6px;cursor:pointer}
.bd{padding:4px 16px 16px}
p{margin:0 0 12px}
fieldset,.f{border:0;margin:0 0 18px;padding:0;min-width:0}
legend,label.lb{display:block;font-weight:600;margin:0 0 8px;padding:0}
.m,.help,.ends{font-size:14px;color:#4a4a55;font-weight:400}
.help{margin:-4px 0 8px}
.scale{display:flex;gap:4px}
.scale label{flex:1;min-width:0;position:relative;cursor:pointer}
.scale input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.scale span{display:block;text-align:center;padding:8px 0;border:1px solid #767680;border-radius:6px}
.scale input:checked+span{background:#1f4fd1;border-color:#1f4fd1;color:#fff;font-weight:600}
.ends{display:flex;justify-content:space-between;gap:8px;margin-top:4px}
.list label{display:flex;align-items:center;gap:8px;padding:4px 0;cursor:pointer}
.list input{width:20px;height:20px;margin:0;accent-color:#1f4fd1}
textarea,input.t{display:block;width:100%;font:inherit;color:inherit;background:#fff;padding:8px;border:1px solid #767680;border-radius:6px}
.err{color:#b3261e;font-size:14px;margin:4px 0 0}
.err:empty,.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.st{font-size:14px;margin:0 0 12px}
.hp{position:absolute;left:-9999px;width:1px;height:1px;overflow:hidden}
a{color:#1f4fd1}
`;
