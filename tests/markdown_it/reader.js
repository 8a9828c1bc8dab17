// Markdown bodies as markdown-it reads them (the parser the corpus's reference JSON was
// made with: 14.1.0, CommonMark preset, GFM tables, no raw HTML), in the contract's terms:
// the headings (level, title), the paragraphs and the tables outside lists and quotes,
// each text plain as the contract has it (text and code as written, emphasis and link
// markers dropped, an image's alt text, breaks as one space, trimmed). No list rule, no
// figures: bodies with lists or image lines are not for it.
//
// Reads JSON Lines {"id", "body"} on standard input; writes JSON Lines {"id", "sections":
// [{"level", "title", "paragraphs", "tables": [{"header", "rows"}]}]}.
//
//   npm install --prefix DIR markdown-it@14.1.0
//   MARKDOWN_IT=DIR/node_modules/markdown-it node tests/markdown_it/reader.js < cases.jsonl
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
  const sections = [{ level: 0, title: '', paragraphs: [], tables: [] }];
  const tokens = md.parse(body, {});
  let table = null;
  let row = null;
  let inHead = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const section = sections[sections.length - 1];
    if (t.type === 'heading_open' && t.level === 0) {
      const title = plain(tokens[i + 1].children).trim();
      sections.push({ level: Number(t.tag.slice(1)), title, paragraphs: [], tables: [] });
    } else if (t.type === 'paragraph_open' && t.level === 0) {
      const text = plain(tokens[i + 1].children).trim();
      if (text) section.paragraphs.push(text);
    } else if (t.type === 'table_open' && t.level === 0) {
      table = { header: [], rows: [] };
    } else if (t.type === 'table_close' && t.level === 0) {
      section.tables.push(table);
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
  console.log(JSON.stringify({ id, sections }));
});
