import type { Components } from "react-markdown";
import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Renders a post-mortem's Markdown. Safe by construction: react-markdown builds React elements (no
 * innerHTML), ignores raw HTML unless a rehype plugin is added (none is), and drops javascript: URLs.
 * Links open in a new tab so a reader never leaves an unsaved editor.
 */
const COMPONENTS: Components = {
  h1: ({ children }) => <h1 className="mb-3 text-2xl font-bold">{children}</h1>,
  h2: ({ children }) => (
    <h2 className="mt-6 mb-2 border-b border-current/20 pb-1 text-xl font-semibold">{children}</h2>
  ),
  h3: ({ children }) => <h3 className="mt-4 mb-2 text-lg font-semibold">{children}</h3>,
  p: ({ children }) => <p className="my-2 leading-relaxed">{children}</p>,
  ul: ({ children }) => <ul className="my-2 list-disc space-y-1 pl-6">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal space-y-1 pl-6">{children}</ol>,
  blockquote: ({ children }) => (
    <blockquote className="my-2 border-l-4 border-current/30 pl-3 opacity-90">{children}</blockquote>
  ),
  a: ({ children, href }) => (
    <a href={href} target="_blank" rel="noreferrer noopener" className="break-all underline">
      {children}
    </a>
  ),
  code: ({ children }) => (
    <code className="rounded bg-current/10 px-1 font-mono text-[0.85em] break-all">{children}</code>
  ),
  pre: ({ children }) => <pre className="my-2 overflow-x-auto rounded bg-current/10 p-2">{children}</pre>,
  table: ({ children }) => (
    <div className="my-3 overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">{children}</table>
    </div>
  ),
  th: ({ children }) => <th className="border border-current/20 px-2 py-1 font-semibold">{children}</th>,
  td: ({ children }) => <td className="border border-current/20 px-2 py-1 align-top">{children}</td>,
  hr: () => <hr className="my-6 border-current/20" />,
};

export function MarkdownView({ markdown, label }: { markdown: string; label?: string }) {
  return (
    <article aria-label={label} className="min-w-0 break-words">
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={COMPONENTS}>
        {markdown}
      </ReactMarkdown>
    </article>
  );
}
