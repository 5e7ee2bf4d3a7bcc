// Debug helper: prints the outline the engine builds for a file.
//   node -r esbuild-register scripts/outline.ts FILE... [--paragraphs]
import { readFileSync } from 'fs';
import { parseDocument, Section } from '../server/src/engine/document';

const args = process.argv.slice(2);
const showParagraphs = args.includes('--paragraphs');
const out: string[] = [];
const short = (s: string, n = 40) => (s.length > n ? s.slice(0, n) + '…' : s).replace(/\s+/g, ' ');

for (const f of args.filter((a) => !a.startsWith('--'))) {
  const text = readFileSync(f, 'utf8');
  const doc = parseDocument(text);
  const at = (o: number) => {
    const p = doc.lines.positionAt(o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  out.push(`# ${f}`);
  out.push(`title:     ${doc.title ? `${doc.title.text} @${at(doc.title.start)}` : '-'}`);
  out.push(`year:      ${doc.reportYear ?? '-'}   body: ${doc.title?.body ?? '-'}`);
  out.push(`cover:     ${doc.coverLetter ? `${short(doc.coverLetter.paragraphs.map((p) => p.text).join(' / '), 60)} @${at(doc.coverLetter.start)}` : '-'}`);
  out.push(`signature: ${doc.signature ? `${doc.signature.text.replace(/\s+/g, ' ')} @${at(doc.signature.start)}` : '-'}`);
  const walk = (s: Section, depth: string): void => {
    for (const c of s.children) {
      const enums = doc.enumerations.filter((e) => e.section === c).map((e) => e.ordinal + (e.strong ? '' : '?'));
      out.push(`${depth}${c.heading?.marker}${c.heading?.title} @${at(c.start)}${enums.length ? `  [${enums.join(' ')}]` : ''}`);
      walk(c, depth + '  ');
    }
  };
  for (const p of doc.parts) {
    const src = `${p.kindSource}${p.inferred ? ', inferred' : ''}`;
    const name = p.heading ? p.heading.marker + p.heading.title : short(text.slice(p.start, p.end), 30);
    const enums = doc.enumerations.filter((e) => e.section === p).map((e) => e.ordinal + (e.strong ? '' : '?'));
    out.push(`PART ${p.kind} (${src}) ${name} @${at(p.start)}–${at(p.end)}${enums.length ? `  [${enums.join(' ')}]` : ''}`);
    walk(p, '  ');
  }
  out.push(`paragraphs: ${doc.paragraphs.length}  sentences: ${doc.sentences.length}  headings: ${doc.headings.length}  enumerations: ${doc.enumerations.length}`);
  if (showParagraphs) {
    for (const p of doc.paragraphs) out.push(`  ¶${p.index} ${p.kind} L${p.firstLine + 1}-${p.lastLine + 1}${p.heading ? ' H' + p.heading.level : ''} ${short(p.text, 50)}`);
  }
}
process.stdout.write(out.join('\n') + '\n');
