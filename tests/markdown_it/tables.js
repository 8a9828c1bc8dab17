// The tables of Markdown bodies as markdown-it reads them (the parser the corpus's
// reference JSON was made with: 14.1.0, CommonMark preset, GFM tables, no raw HTML).
// Reads JSON Lines {"id", "body"} on standard input; writes JSON Lines {"id", "tables"},
// each table {"header", "rows"} of cells' plain text as the contract has it (text and
// code as written, emphasis and link markers dropped, an image's alt text, breaks as one
// space, trimmed). Only tables outside lists and quotes, as the contract lists them.
//
//   npm install --prefix DIR markdown-it@14.1.0
//   MARKDOWN_IT=DIR/node_modules/markdown-it node tests/markdown_it/tables.js < cases.jsonl
const md = require(process.env.MARKDOWN_IT || 'markdown-it')('commonmark', { html: false })
  .enable('table');
const readline = require('readline');

function plain(children) {
  let out = '';
  for (const t of children || []) {
    if (t.type === 'text' || t.type === 'code_inline' || t.type === 'html_inline') {
      out += t.content;
    } else if (t.type === 'softbreak' || t.type === 'hardbreak') {
      out += ' ';
    } else if (t.type === 'image') {
      out += plain(t.children);
    }
  }
  return out;
}

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, body } = JSON.parse(line);
  const tables = [];
  let table = null;
  let row = null;
  let inHead = false;
  for (const t of md.parse(body, {})) {
    if (t.type === 'table_open' && t.level === 0) {
      table = { header: [], rows: [] };
    } else if (t.type === 'table_close' && t.level === 0) {
      tables.push(table);
      table = null;
    } else if (!table) {
      continue;
    } else if (t.type === 'thead_open') {
      inHead = true;
    } else if (t.type === 'thead_close') {
      inHead = false;
    } else if (t.type === 'tr_open') {
      row = [];
    } else if (t.type === 'tr_close') {
      if (inHead) table.header = row;
      else table.rows.push(row);
      row = null;
    } else if (t.type === 'inline' && row) {
      row.push(plain(t.children).trim());
    }
  }
  console.log(JSON.stringify({ id, tables }));
});
