/**
 * The inline Markdown runbooks use in step text: **bold**, `code` and [links](url) shown as their text.
 * Rendered as React text nodes (never as HTML), so a runbook cannot inject markup.
 */
const TOKEN = /(\*\*[^*]+\*\*|`[^`]+`|\[[^\]]+\]\([^)]*\))/g;

export function InlineMarkdown({ text }: { text: string }) {
  const parts = text.split(TOKEN);
  return (
    <>
      {parts.map((part, index) => {
        const key = `${index}-${part.length}`;
        if (part.startsWith("**") && part.endsWith("**") && part.length > 4)
          return <strong key={key}>{part.slice(2, -2)}</strong>;
        if (part.startsWith("`") && part.endsWith("`") && part.length > 2)
          return (
            <code key={key} className="rounded bg-zinc-800 px-1 font-mono text-[0.9em]">
              {part.slice(1, -1)}
            </code>
          );
        const link = /^\[([^\]]+)\]\([^)]*\)$/.exec(part);
        if (link) return <span key={key}>{link[1]}</span>;
        return part;
      })}
    </>
  );
}
