// Where a WebAssembly module's code is: every function body's size, from the module's code section,
// named by its name section, summed by crate (the first path segment of the demangled name) and by
// generic family (the name without its <...> arguments). Reads the module cargo writes before
// wasm-bindgen and wasm-opt (those strip the names), so figures are raw bytes before optimization:
// use them to rank candidates, and the transfer figures of bench-browser/run.mjs to judge the result.
//
//   node bench-browser/code-size.mjs [target/wasm32-unknown-unknown/release/app.wasm] [--top N] [--grep REGEX]
//
// --grep lists every function whose demangled name matches REGEX, largest first, instead of the
// summary (e.g. --grep 'slice::sort' counts the instantiations of the standard sort).

import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 40;
const grepIndex = args.indexOf('--grep');
const grep = grepIndex >= 0 ? new RegExp(args.splice(grepIndex, 2)[1]) : null;
const path = args[0] ?? 'target/wasm32-unknown-unknown/release/app.wasm';
const bytes = readFileSync(path);

let offset = 8;
function leb() {
  let result = 0, shift = 0, byte;
  do {
    byte = bytes[offset++];
    result += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return result;
}
function name() {
  const length = leb();
  const text = bytes.toString('utf8', offset, offset + length);
  offset += length;
  return text;
}

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
let dataBytes = 0;
const sections = [];
while (offset < bytes.length) {
  const id = bytes[offset++];
  const size = leb();
  const end = offset + size;
  const section = { id, size };
  if (id === 0) {
    section.name = name();
    if (section.name === 'name') {
      while (offset < end) {
        const sub = bytes[offset++];
        const subSize = leb();
        const subEnd = offset + subSize;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const index = leb();
            names.set(index, name());
          }
        }
        offset = subEnd;
      }
    }
  } else if (id === 2) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = bytes[offset++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { offset++; const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); }
      else if (kind === 3) { offset += 2; }
      else if (kind === 4) { offset++; leb(); }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const bodySize = leb();
      bodySizes.push(bodySize);
      offset += bodySize;
    }
  } else if (id === 11) {
    dataBytes = size;
  }
  sections.push(section);
  offset = end;
}

/** Demangles Rust's legacy symbols (`_ZN…E`); v0 symbols (`_R…`) keep their identifiers only. */
function demangle(symbol) {
  if (symbol.startsWith('_ZN')) {
    const parts = [];
    let i = 3;
    while (i < symbol.length && symbol[i] !== 'E') {
      const digits = /^\d+/.exec(symbol.slice(i))[0];
      i += digits.length;
      parts.push(symbol.slice(i, i + Number(digits)));
      i += Number(digits);
    }
    if (/^h[0-9a-f]{16}$/.test(parts.at(-1) ?? '')) parts.pop();
    const escapes = { SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',' };
    return parts
      .map((part) => part
        .replace(/^_\$/, '$')
        .replace(/\$([A-Z]+)\$/g, (m, code) => escapes[code] ?? m)
        .replace(/\$u([0-9a-f]+)\$/g, (m, hex) => String.fromCodePoint(parseInt(hex, 16)))
        .replaceAll('..', '::'))
      .join('::');
  }
  if (symbol.startsWith('_R')) {
    const words = [];
    for (let i = 2; i < symbol.length; ) {
      const match = /^(\d+)_?/.exec(symbol.slice(i));
      if (!match) { i++; continue; }
      const length = Number(match[1]);
      const start = i + match[0].length;
      const word = symbol.slice(start, start + length);
      if (length > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(word) && !/^Cs/.test(symbol.slice(i - 2, i))) words.push(word);
      i = length > 0 ? start + length : start;
    }
    return words.join('::') || symbol;
  }
  return symbol;
}

const functions = bodySizes.map((size, i) => ({ size, name: demangle(names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`) }));
const codeTotal = bodySizes.reduce((a, b) => a + b, 0);

function stripGenerics(text) {
  let out = '', depth = 0;
  for (const ch of text) {
    if (ch === '<') depth++;
    else if (ch === '>') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += ch;
  }
  return out.replace(/::h[0-9a-f]{16}$/, '');
}
function crateOf(text) {
  const plain = text.replace(/^<+/, '').replace(/^(dyn |&mut |&)/, '');
  return plain.split('::')[0].split(/[ <]/)[0] || '?';
}
function sumBy(key) {
  const totals = new Map();
  for (const f of functions) {
    const k = key(f.name);
    const entry = totals.get(k) ?? { size: 0, count: 0 };
    entry.size += f.size;
    entry.count++;
    totals.set(k, entry);
  }
  return [...totals].sort((a, b) => b[1].size - a[1].size);
}
const kb = (n) => (n / 1000).toFixed(1).padStart(7) + ' KB';

if (grep) {
  const matching = [...functions].sort((a, b) => b.size - a.size).filter((f) => grep.test(f.name));
  for (const f of matching) console.log(`${String(f.size).padStart(7)}  ${f.name.slice(0, 300)}`);
  const sum = matching.reduce((a, f) => a + f.size, 0);
  console.log(`${matching.length} functions, ${kb(sum)}`);
  process.exit(0);
}
console.log(`${path}: ${kb(bytes.length)} in all; code ${kb(codeTotal)} in ${functions.length} functions; data ${kb(dataBytes)}`);
console.log('\nby crate:');
for (const [crate, { size, count }] of sumBy(crateOf).slice(0, top)) console.log(`${kb(size)}  ${String(count).padStart(5)}  ${crate}`);
console.log('\nby generic family (instantiations summed):');
for (const [family, { size, count }] of sumBy(stripGenerics).slice(0, top)) console.log(`${kb(size)}  ${String(count).padStart(5)}  ${family.slice(0, 150)}`);
console.log('\nlargest functions:');
for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) console.log(`${kb(f.size)}  ${f.name.slice(0, 160)}`);
