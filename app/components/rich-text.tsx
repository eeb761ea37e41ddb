import type { ReactNode } from "react";

/** **bold** inside a line. */
function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) =>
    part.startsWith("**") && part.endsWith("**") ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one line never reorder
      <strong key={i}>{part.slice(2, -2)}</strong>
    ) : (
      part
    ),
  );
}

/**
 * Renders the course markup (blank line = paragraph, "- " = list item, "## " = subheading,
 * **bold**) as elements; no HTML from content ever reaches the page.
 */
export function RichText({ text, headingLevel = 2 }: { text: string; headingLevel?: 2 | 3 }) {
  const blocks: ReactNode[] = [];
  let list: string[] = [];
  let paragraph: string[] = [];
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const flush = () => {
    if (paragraph.length > 0) {
      blocks.push(
        <p key={blocks.length} className="ds-paragraph">
          {inline(paragraph.join(" "))}
        </p>,
      );
      paragraph = [];
    }
    if (list.length > 0) {
      blocks.push(
        <ul key={blocks.length} className="ds-list">
          {list.map((item) => (
            <li key={item}>{inline(item)}</li>
          ))}
        </ul>,
      );
      list = [];
    }
  };
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "") flush();
    else if (line.startsWith("## ")) {
      flush();
      blocks.push(
        <Heading key={blocks.length} className="ds-heading" data-size="xs">
          {inline(line.slice(3))}
        </Heading>,
      );
    } else if (line.startsWith("- ")) {
      if (paragraph.length > 0) flush();
      list.push(line.slice(2));
    } else {
      if (list.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return <>{blocks}</>;
}
