/**
 * The open documents, kept in sync incrementally. Unlike `TextDocuments`, every change is validated
 * first: a range with lines or characters out of the document, NaN, negative or reversed positions,
 * or a change without text never corrupts the document or throws — it is clamped or skipped.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';

export interface OpenDocument {
  doc: TextDocument;
  languageId: string;
  /** Checked whatever `fazhiReport.documents` says (the client's "check anyway" command). */
  forced: boolean;
}

export interface ChangeResult {
  doc: TextDocument;
  /** Changes skipped because they were malformed. */
  skipped: number;
}

function int(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.floor(v)) : 0;
}

function isPos(v: unknown): v is Position {
  return !!v && typeof v === 'object';
}

export class DocumentStore {
  private readonly docs = new Map<string, OpenDocument>();

  open(uri: string, languageId: string, version: unknown, text: unknown): TextDocument {
    const doc = TextDocument.create(uri, languageId, typeof version === 'number' && Number.isFinite(version) ? version : 0, typeof text === 'string' ? text : '');
    const prev = this.docs.get(uri);
    this.docs.set(uri, { doc, languageId, forced: prev?.forced ?? false });
    return doc;
  }

  get(uri: string): OpenDocument | undefined {
    return this.docs.get(uri);
  }

  doc(uri: string): TextDocument | undefined {
    return this.docs.get(uri)?.doc;
  }

  all(): OpenDocument[] {
    return [...this.docs.values()];
  }

  close(uri: string): boolean {
    return this.docs.delete(uri);
  }

  /** Applies `changes` in order; malformed ones are skipped and counted. Undefined if not open. */
  change(uri: string, version: unknown, changes: unknown): ChangeResult | undefined {
    const entry = this.docs.get(uri);
    if (!entry) return undefined;
    const doc = entry.doc;
    const list = Array.isArray(changes) ? changes : [];
    const clean: TextDocumentContentChangeEvent[] = [];
    let skipped = Array.isArray(changes) ? 0 : 1;
    // Each change is relative to the text after the previous one: sanitise against a scratch copy.
    let scratch = doc.getText();
    let lines: TextDocument = doc;
    // `lines` is rebuilt from `scratch` only when a later change needs positions (the usual single
    // change costs no copy of the document)
    let stale = false;
    for (const c of list) {
      if (!c || typeof c !== 'object' || typeof (c as { text?: unknown }).text !== 'string') {
        skipped++;
        continue;
      }
      const text = (c as { text: string }).text;
      const range = (c as { range?: unknown }).range as { start?: unknown; end?: unknown } | undefined;
      if (range === undefined || range === null) {
        clean.push({ text });
        scratch = text;
        stale = true;
        continue;
      }
      if (typeof range !== 'object' || !isPos(range.start) || !isPos(range.end)) {
        skipped++;
        continue;
      }
      if (stale) {
        lines = TextDocument.create(uri, entry.languageId, 0, scratch);
        stale = false;
      }
      let a = lines.offsetAt({ line: int(range.start.line), character: int(range.start.character) });
      let b = lines.offsetAt({ line: int(range.end.line), character: int(range.end.character) });
      if (b < a) [a, b] = [b, a];
      clean.push({ range: { start: lines.positionAt(a), end: lines.positionAt(b) }, text });
      scratch = scratch.slice(0, a) + text + scratch.slice(b);
      stale = true;
    }
    const v = typeof version === 'number' && Number.isFinite(version) ? version : doc.version + 1;
    TextDocument.update(doc, clean, v);
    return { doc, skipped };
  }

  /** Marks a document as checked whatever the `documents` setting says. */
  force(uri: string): boolean {
    const e = this.docs.get(uri);
    if (!e) return false;
    e.forced = true;
    return true;
  }
}
