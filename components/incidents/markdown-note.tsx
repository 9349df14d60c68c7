import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Notes are Markdown written by people under stress, sometimes pasted from elsewhere: raw HTML is not
 * rendered (react-markdown escapes it without rehype-raw) and unsafe link protocols are dropped by its
 * default urlTransform.
 */
export function MarkdownNote({ markdown }: { markdown: string }) {
  return (
    <div className="prose-note space-y-2 break-words text-sm leading-relaxed [&_a]:text-amber-300 [&_a]:underline [&_code]:rounded [&_code]:bg-zinc-800 [&_code]:px-1 [&_li]:ml-5 [&_ol]:list-decimal [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-zinc-900 [&_pre]:p-2 [&_table]:text-xs [&_td]:border [&_td]:border-zinc-700 [&_td]:px-1 [&_th]:border [&_th]:border-zinc-700 [&_th]:px-1 [&_ul]:list-disc">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
