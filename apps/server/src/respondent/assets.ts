import { createHash } from 'node:crypto';

/**
 * The respondent pages' style, inlined in each page (one request less on a slow phone). Colours
 * meet WCAG AA: text #1b1b1b and links/buttons #0b4f8a on white (≥ 7:1), borders #5c5c5c (≥ 3:1).
 */
export const RESPONDENT_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1b1b;background:#f4f5f7}
main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff;min-height:100vh}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:0 0 .5rem}
a{color:#0b4f8a}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,[tabindex="-1"]:focus{outline:3px solid #0b4f8a;outline-offset:2px}
.langs{display:flex;gap:1rem;justify-content:flex-end;margin:0;padding:0;list-style:none;font-size:.95rem}
.langs button{font:inherit;color:#0b4f8a;background:none;border:0;padding:0;text-decoration:underline;cursor:pointer}
.langs [aria-current]{font-weight:700;text-decoration:none;color:#1b1b1b}
.progress{margin:0 0 1rem;color:#444}
.bar{display:block;height:.4rem;background:#dde1e6;border-radius:.2rem;overflow:hidden;margin-top:.25rem}
.bar span{display:block;height:100%;background:#0b4f8a}
.summary{border:3px solid #b3261e;padding:1rem;margin:0 0 1.5rem}
.summary ul{margin:0;padding-left:1.25rem}
.summary a{color:#b3261e;font-weight:600}
fieldset{border:0;margin:0;padding:0;min-width:0}
.q{margin:0 0 2rem}
.q>legend,.qt{display:block;font-weight:600;font-size:1.1rem;margin:0 0 .5rem;padding:0}
.sub{margin:1rem 0 0}
.sub>legend{font-weight:600;margin:0 0 .4rem;padding:0}
.req{font-weight:400;color:#444;font-size:.95rem}
.help{margin:-.25rem 0 .6rem;color:#444}
.err{color:#b3261e;font-weight:600;margin:0 0 .5rem}
.invalid{border-left:4px solid #b3261e;padding-left:.75rem}
.scale{display:grid;grid-template-columns:repeat(var(--n),minmax(0,1fr));gap:.3rem}
/* 0–10 stays on one row on a phone (as in the widget): a scale read in two rows reads wrong. */
@media (max-width:26rem){.scale.wide{gap:.15rem}.scale.wide .opt label{border-radius:.3rem;padding:0}}
.opt{position:relative}
.opt input{position:absolute;opacity:0;inset:0;width:100%;height:100%;margin:0}
.opt label{display:flex;align-items:center;justify-content:center;min-height:2.75rem;border:2px solid #5c5c5c;border-radius:.4rem;background:#fff;font-weight:600;cursor:pointer}
.opt input:checked+label{background:#0b4f8a;border-color:#0b4f8a;color:#fff}
.opt input:focus-visible+label{outline:3px solid #0b4f8a;outline-offset:2px}
@media (forced-colors:active){.opt input:checked+label{outline:4px solid Highlight}}
.ends{display:flex;justify-content:space-between;gap:1rem;font-size:.9rem;color:#444;margin-top:.3rem}
.ends span:last-child{text-align:right}
.choice{display:flex;gap:.6rem;align-items:flex-start;padding:.3rem 0}
.choice input{width:1.3rem;height:1.3rem;margin:.15rem 0 0;flex:none;accent-color:#0b4f8a}
.emo{padding:.25rem 0}
.emo .sub{margin:.25rem 0 .5rem 1.9rem}
.emo .sub>legend{font-weight:400}
.emo .scale{max-width:16rem}
label.field{display:block;font-weight:600;margin:.75rem 0 .3rem}
textarea,input[type=text],select{display:block;width:100%;font:inherit;color:inherit;padding:.5rem;border:2px solid #5c5c5c;border-radius:.3rem;background:#fff}
textarea{min-height:6rem;resize:vertical}
.num{display:flex;align-items:center;gap:.5rem}
.num input[type=text]{width:12rem;max-width:100%}
.unit{font-weight:600}
[aria-invalid=true]{border-color:#b3261e}
.actions{display:flex;gap:1rem;justify-content:space-between;align-items:center;margin-top:2rem}
.actions button{font:inherit;font-weight:600;min-height:2.75rem;padding:.5rem 1.5rem;border-radius:.4rem;cursor:pointer}
.primary{background:#0b4f8a;color:#fff;border:2px solid #0b4f8a;margin-left:auto}
.org{max-width:40rem;margin:0 auto;padding:1rem;font-size:.95rem;color:#444}
.org p{margin:0 0 .25rem}
.secondary{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a}
.vh{position:absolute!important;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
.hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
`
  .trim()
  .replace(/\n/g, '');

/**
 * The enhancement script: everything works without it. It hides an emotion's intensity scale
 * until that feeling is picked, keeps a slow phone from sending a page twice, and moves focus
 * to the error summary. Served from /s/assets/respondent.js (the CSP allows no inline script).
 */
export const RESPONDENT_JS = `(function(){"use strict";
var d=document;
d.querySelectorAll("input[data-intensity]").forEach(function(box){
var set=d.getElementById(box.getAttribute("data-intensity"));if(!set)return;
function sync(){if(!box.checked)set.querySelectorAll("input:checked").forEach(function(r){r.checked=false;});set.hidden=!box.checked;}
if(!box.checked&&set.querySelector("input:checked"))box.checked=true;
box.addEventListener("change",sync);sync();});
d.querySelectorAll("form").forEach(function(f){f.addEventListener("submit",function(e){
if(f.getAttribute("data-busy")){e.preventDefault();return;}f.setAttribute("data-busy","1");});});
window.addEventListener("pageshow",function(){d.querySelectorAll("form[data-busy]").forEach(function(f){f.removeAttribute("data-busy");});});
var s=d.getElementById("errors");if(s&&d.activeElement!==s)s.focus();
})();`;

/** A short content hash: the script's URL changes when it does, so it can be cached for a year. */
export const RESPONDENT_JS_VERSION = createHash('sha256')
  .update(RESPONDENT_JS)
  .digest('hex')
  .slice(0, 10);
