import { getDocumentProxy } from "unpdf";

/** An element of a PDF's structure tree that holds text on a page: its role and that text. */
export interface Tagged {
  role: string;
  text: string;
  /** For a table row: how many of its cells hold text on that page. */
  cells?: number;
}

interface RawNode {
  role?: string;
  type?: string;
  id?: string;
  children?: RawNode[];
}

/**
 * Reads a PDF the way assistive technology does: the document's language, whether it is marked as
 * tagged, whether the window shows its title, and, page by page in reading order, each structure
 * element that holds text there with that text (pdf.js: `getStructTree` and the marked-content
 * text). Text drawn outside the tree (artifacts such as page numbers) is not in the list.
 */
export async function readTags(bytes: Uint8Array) {
  const raw = Buffer.from(bytes).toString("latin1");
  const doc = await getDocumentProxy(new Uint8Array(bytes));
  const elements: Tagged[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const textOf = new Map<string, string>();
    const open: string[] = [];
    for (const item of content.items as { type?: string; id?: string; str?: string; hasEOL?: boolean }[]) {
      if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent")
        open.push(item.id ?? "");
      else if (item.type === "endMarkedContent") open.pop();
      else if (typeof item.str === "string") {
        const id = open.at(-1);
        // A line that wraps ends without its space; a reader hears the break as one (pdf.js: hasEOL).
        if (id) textOf.set(id, `${textOf.get(id) ?? ""}${item.str}${item.hasEOL ? " " : ""}`);
      }
    }
    const own = (node: RawNode) =>
      (node.children ?? []).filter((c) => c.type === "content").map((c) => textOf.get(c.id ?? "") ?? "");
    const walk = (node: RawNode) => {
      const parts = own(node);
      if (parts.length > 0)
        elements.push({ role: node.role ?? "", text: parts.join("").replace(/\s+/g, " ").trim() });
      const kids = (node.children ?? []).filter((c) => c.type !== "content");
      if (node.role === "TR") {
        const cells = kids.filter((c) => own(c).length > 0).length;
        if (cells > 0) elements.push({ role: "TR", text: "", cells });
      }
      for (const child of kids) walk(child);
    };
    walk((await page.getStructTree()) as RawNode);
  }
  return {
    pageCount: doc.numPages,
    elements,
    lang: /\/Lang \(([^)]*)\)/.exec(raw)?.[1] ?? null,
    marked: /\/Marked true/.test(raw),
    displayTitle: /\/DisplayDocTitle true/.test(raw),
    title: ((await doc.getMetadata()).info as { Title?: string }).Title ?? null,
  };
}

/** The texts of the elements with this role, in reading order. */
export const textsOf = (elements: Tagged[], role: string) =>
  elements.filter((e) => e.role === role).map((e) => e.text);
