// SKILL.md is written by the generator, so it is untrusted text. It becomes HTML in two guarded
// steps: marked renders Markdown with raw HTML turned back into visible text, links into their
// text and address (the app never navigates away), images into their description; then DOMPurify
// keeps only a short list of formatting tags and no attributes except highlight.js classes.
import { Marked, type Tokens } from 'marked';
import DOMPurify from 'dompurify';
import { highlightLines, type CodeLanguage } from './highlight.ts';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const CODE_LANGUAGES: Record<string, CodeLanguage> = {
  ts: 'typescript', typescript: 'typescript', js: 'typescript', javascript: 'typescript', json: 'json', md: 'markdown', markdown: 'markdown',
};

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escape(text);
    },
    link({ href, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      return `${label} <span class="md-url">(${escape(href)})</span>`;
    },
    image({ text }: Tokens.Image) {
      return `<span class="md-url">[${escape(text)}]</span>`;
    },
    code({ text, lang }: Tokens.Code) {
      const language = CODE_LANGUAGES[(lang ?? '').trim().toLowerCase()];
      const body = language ? highlightLines(text, language).join('\n') : escape(text);
      return `<pre><code>${body}</code></pre>\n`;
    },
  },
});

const ALLOWED_TAGS = [
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'em', 'strong', 'del', 'hr', 'br',
  'table', 'thead', 'tbody', 'tr', 'th', 'td', 'span', 'input',
];

let hooked = false;
function purify(html: string): string {
  if (!hooked) {
    // Only highlight.js's token classes and the URL marker may stay; a task list's checkbox stays disabled.
    DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
      if (data.attrName === 'class') {
        const kept = data.attrValue.split(/\s+/).filter((name) => /^(hljs-[\w-]+|md-url)$/.test(name));
        if (kept.length === 0) data.keepAttr = false;
        else data.attrValue = kept.join(' ');
      } else if (node.nodeName === 'INPUT' && !['type', 'checked', 'disabled'].includes(data.attrName)) {
        data.keepAttr = false;
      }
    });
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.nodeName === 'INPUT') {
        if (node.getAttribute('type') !== 'checkbox') node.remove();
        else node.setAttribute('disabled', '');
      }
    });
    hooked = true;
  }
  return DOMPurify.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['class', 'type', 'checked', 'disabled'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
  });
}

export interface RenderedSkillMd {
  /** The YAML front matter as written (shown as text), or null. */
  frontMatter: string | null;
  /** Sanitized HTML of the body. */
  html: string;
}

/** SKILL.md split into its front matter (as text) and its body (as sanitized HTML). */
export function renderSkillMd(source: string): RenderedSkillMd {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  const body = match ? source.slice(match[0].length) : source;
  const html = marked.parse(body, { async: false });
  return { frontMatter: match?.[1] ?? null, html: purify(html) };
}
