import ReactMarkdown from "react-markdown";
import remarkGfm from "remark-gfm";

/**
 * Notes are Markdown written by people under stress, sometimes pasted from elsewhere: raw HTML is not
 * rendered (react-markdown escapes it without rehype-raw) and unsafe link protocols are dropped by its
 * default urlTransform.
 */
export function MarkdownNote({ markdown }: { markdown: string }) {
  return (
    <div className="prose-note">
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml>
        {markdown}
      </ReactMarkdown>
    </div>
  );
}
