// Debug helper: prints the outline the engine builds for a file.
import { readFileSync } from 'fs';
import { parseDocument } from '../server/src/engine/document';

for (const f of process.argv.slice(2)) {
  const doc = parseDocument(readFileSync(f, 'utf8'));
  console.log('#', f, 'title=', doc.title?.text, 'year=', doc.reportYear, 'body=', doc.title?.body, 'cover=', !!doc.coverLetter, 'sig=', doc.signature?.text);
  for (const p of doc.parts) {
    console.log(`PART ${p.kind} (${p.kindSource}${p.inferred ? ', inferred' : ''}) ${p.heading ? p.heading.marker + p.heading.title : ''}`);
    const walk = (s: typeof p, d: string) => { for (const c of s.children) { console.log(`${d}${c.heading?.marker}${c.heading?.title}`); walk(c, d + '  '); } };
    walk(p, '  ');
  }
  console.log('enums:', doc.enumerations.map((e) => e.marker + (e.strong ? '' : '?')).join(' '));
  console.log('paragraphs:', doc.paragraphs.length, 'sentences:', doc.sentences.length);
}
