//! HTML mail shown as HTML, safely: an allow-list re-serialiser. The mail's
//! HTML is tokenised (tags, text, comments) and rebuilt as a tree of a few
//! allowed elements — paragraphs, line breaks, emphasis, lists, headings,
//! quotes and tables — with no attribute at all except a numeric
//! `colspan`/`rowspan` on table cells. The page then writes that tree with
//! `maud` (every text escaped, every element name a literal of this
//! module), so whatever the tokeniser makes of hostile markup, the output
//! can hold no script, event handler, style, form, link, image or other
//! remote content: those are never written, only their text (and for
//! `script`, `style`, `head`, `template`, `iframe`, `object`, `svg`,
//! `math`, `select`, `textarea`, `noscript` not even that).
//!
//! Limits: nesting deeper than [`MAX_DEPTH`] keeps the text but no more
//! elements; at most [`MAX_NODES`] elements, then text only. Pure, linear,
//! never fails.

use maud::{html, Markup};
use serde::{Deserialize, Serialize};

/// Deepest element nesting kept.
pub const MAX_DEPTH: usize = 48;
/// Most elements kept in one mail.
pub const MAX_NODES: usize = 20_000;

/// The elements that survive.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Tag {
    P,
    Br,
    Hr,
    B,
    I,
    U,
    S,
    Sub,
    Sup,
    Code,
    Pre,
    Blockquote,
    H3,
    H4,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Div,
    Span,
    Table,
    Caption,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
}

impl Tag {
    fn from_name(name: &str) -> Option<Tag> {
        Some(match name {
            "p" => Tag::P,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "b" | "strong" => Tag::B,
            "i" | "em" | "cite" => Tag::I,
            "u" | "ins" => Tag::U,
            "s" | "strike" | "del" => Tag::S,
            "sub" => Tag::Sub,
            "sup" => Tag::Sup,
            "code" | "tt" | "kbd" | "samp" => Tag::Code,
            "pre" => Tag::Pre,
            "blockquote" => Tag::Blockquote,
            // A mail's headings sit below the page's h1 and h2.
            "h1" | "h2" | "h3" => Tag::H3,
            "h4" | "h5" | "h6" => Tag::H4,
            "ul" => Tag::Ul,
            "ol" => Tag::Ol,
            "li" => Tag::Li,
            "dl" => Tag::Dl,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "div" | "center" | "section" | "article" | "header" | "footer" | "address" | "main"
            | "aside" | "nav" | "figure" | "figcaption" => Tag::Div,
            "span" | "font" | "small" | "big" | "abbr" | "mark" | "label" => Tag::Span,
            "table" => Tag::Table,
            "caption" => Tag::Caption,
            "thead" => Tag::Thead,
            "tbody" => Tag::Tbody,
            "tfoot" => Tag::Tfoot,
            "tr" => Tag::Tr,
            "td" => Tag::Td,
            "th" => Tag::Th,
            _ => return None,
        })
    }

    fn is_void(self) -> bool {
        matches!(self, Tag::Br | Tag::Hr)
    }
}

/// Elements dropped with everything inside them, up to their end tag (an
/// unclosed one hides the rest, as a browser treats an unclosed `script`).
const DROP_WITH_CONTENT: &[&str] = &[
    "script",
    "style",
    "head",
    "title",
    "template",
    "iframe",
    "object",
    "svg",
    "math",
    "select",
    "textarea",
    "noscript",
    "noembed",
    "noframes",
    "frameset",
    "applet",
    "xmp",
    "plaintext",
    "canvas",
    "audio",
    "video",
];

/// A table cell's `colspan` and `rowspan`.
pub type Span = (Option<u16>, Option<u16>);

/// An element still open while building: its tag (`None`: the root), span
/// and children so far.
type Open = (Option<Tag>, Span, Vec<Node>);

/// One node of the cleaned tree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Node {
    Text(String),
    Elem {
        tag: Tag,
        /// `colspan`, `rowspan` of a cell (1..=100), else `None`.
        span: Span,
        children: Vec<Node>,
    },
}

/// A table cell's span: digits only, 1..=100.
fn span_value(attrs: &str, name: &str) -> Option<u16> {
    let lower = attrs.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|r| r.find(name)) {
        let start = from + at;
        from = start + name.len();
        // A whole attribute name: preceded by space, followed by '='.
        let before_ok = start == 0
            || lower[..start]
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_whitespace() || c == '/');
        let rest = lower.get(from..).unwrap_or("").trim_start();
        let Some(value) = rest.strip_prefix('=') else {
            continue;
        };
        if !before_ok {
            continue;
        }
        let value = value.trim_start().trim_start_matches(['"', '\'']);
        let digits: String = value
            .chars()
            .take_while(char::is_ascii_digit)
            .take(3)
            .collect();
        return digits.parse::<u16>().ok().filter(|n| (1..=100).contains(n));
    }
    None
}

struct Builder {
    /// Open elements: (tag, span, children); index 0 is the root.
    stack: Vec<Open>,
    nodes: usize,
}

impl Builder {
    fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if let Some(top) = self.stack.last_mut() {
            match top.2.last_mut() {
                Some(Node::Text(prev)) => prev.push_str(t),
                _ => top.2.push(Node::Text(t.to_string())),
            }
        }
    }

    fn close_top(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        if let Some((Some(tag), span, children)) = self.stack.pop() {
            if let Some(parent) = self.stack.last_mut() {
                parent.2.push(Node::Elem {
                    tag,
                    span,
                    children,
                });
            }
        }
    }

    fn open_index(&self, tag: Tag) -> Option<usize> {
        self.stack.iter().rposition(|(t, _, _)| *t == Some(tag))
    }

    /// Close `tag` if it is open below any of `bounds` (HTML's implied
    /// end tags: a new `li` ends the last `li` of the same list).
    fn close_implied(&mut self, tag: Tag, bounds: &[Tag]) {
        let Some(at) = self.open_index(tag) else {
            return;
        };
        let bounded = self.stack[at + 1..]
            .iter()
            .any(|(t, _, _)| t.is_some_and(|t| bounds.contains(&t)));
        if !bounded {
            while self.stack.len() > at {
                self.close_top();
            }
        }
    }

    fn open(&mut self, tag: Tag, span: Span) {
        match tag {
            Tag::Li => self.close_implied(Tag::Li, &[Tag::Ul, Tag::Ol]),
            Tag::Dt | Tag::Dd => {
                self.close_implied(Tag::Dt, &[Tag::Dl]);
                self.close_implied(Tag::Dd, &[Tag::Dl]);
            }
            Tag::Td | Tag::Th => {
                self.close_implied(Tag::Td, &[Tag::Tr, Tag::Table]);
                self.close_implied(Tag::Th, &[Tag::Tr, Tag::Table]);
            }
            Tag::Tr => self.close_implied(Tag::Tr, &[Tag::Table]),
            Tag::Thead | Tag::Tbody | Tag::Tfoot => {
                for t in [Tag::Thead, Tag::Tbody, Tag::Tfoot] {
                    self.close_implied(t, &[Tag::Table]);
                }
            }
            _ => {}
        }
        if matches!(
            tag,
            Tag::P | Tag::Div | Tag::Table | Tag::Ul | Tag::Ol | Tag::H3 | Tag::H4 | Tag::Pre
        ) && self
            .stack
            .last()
            .is_some_and(|(t, _, _)| *t == Some(Tag::P))
        {
            // A block inside a paragraph ends the paragraph.
            self.close_top();
        }
        if self.nodes >= MAX_NODES || self.stack.len() > MAX_DEPTH {
            return;
        }
        self.nodes += 1;
        if tag.is_void() {
            if let Some(top) = self.stack.last_mut() {
                top.2.push(Node::Elem {
                    tag,
                    span: (None, None),
                    children: vec![],
                });
            }
            return;
        }
        self.stack.push((Some(tag), span, Vec::new()));
    }

    fn close(&mut self, tag: Tag) {
        if let Some(at) = self.open_index(tag) {
            if at == 0 {
                return;
            }
            while self.stack.len() > at {
                self.close_top();
            }
        }
    }

    fn finish(mut self) -> Vec<Node> {
        while self.stack.len() > 1 {
            self.close_top();
        }
        self.stack.pop().map(|(_, _, c)| c).unwrap_or_default()
    }
}

/// The mail's HTML as a tree of allowed elements (see the module docs).
pub fn clean(html: &str) -> Vec<Node> {
    let mut b = Builder {
        stack: vec![(None, (None, None), Vec::new())],
        nodes: 0,
    };
    let mut rest = html;
    let mut skip_until: Option<String> = None;
    let mut text = String::new();
    while !rest.is_empty() {
        let lt = rest.find('<').unwrap_or(rest.len());
        if skip_until.is_none() {
            text.clear();
            decode_into(rest.get(..lt).unwrap_or(""), &mut text);
            b.text(&text);
        }
        rest = rest.get(lt..).unwrap_or("");
        if rest.is_empty() {
            break;
        }
        if rest.starts_with("<!--") {
            rest = match rest.find("-->") {
                Some(end) => rest.get(end + 3..).unwrap_or(""),
                None => "",
            };
            continue;
        }
        let Some(end) = rest.find('>') else {
            // A lone '<' with no '>' after it: text.
            if skip_until.is_none() {
                b.text("<");
            }
            rest = rest.get(1..).unwrap_or("");
            continue;
        };
        let inner = rest.get(1..end).unwrap_or("");
        rest = rest.get(end + 1..).unwrap_or("");
        let closing = inner.starts_with('/');
        let body = inner.trim_start_matches('/');
        let name: String = body
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            // "<!DOCTYPE>", "<?xml>", "< 5": not an element.
            continue;
        }
        if let Some(wanted) = &skip_until {
            if closing && name == *wanted {
                skip_until = None;
            }
            continue;
        }
        if DROP_WITH_CONTENT.contains(&name.as_str()) {
            if !closing && !inner.trim_end().ends_with('/') {
                skip_until = Some(name);
            }
            continue;
        }
        let Some(tag) = Tag::from_name(&name) else {
            continue;
        };
        if closing {
            b.close(tag);
        } else {
            let attrs = body.get(name.len()..).unwrap_or("");
            let span = if matches!(tag, Tag::Td | Tag::Th) {
                (span_value(attrs, "colspan"), span_value(attrs, "rowspan"))
            } else {
                (None, None)
            };
            b.open(tag, span);
        }
    }
    b.finish()
}

fn decode_into(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        rest = rest.get(amp..).unwrap_or("");
        let semi = rest
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .map(|(i, _)| i);
        match semi.and_then(|i| rest.get(1..i).and_then(entity).map(|c| (i, c))) {
            Some((i, c)) => {
                out.push(c);
                rest = rest.get(i + 1..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
}

/// A named or numeric entity; never a control character.
fn entity(name: &str) -> Option<char> {
    crate::inspect::extract::html::entity(name).filter(|c| !c.is_control() || *c == '\n')
}

/// The cleaned tree as markup: `maud` escapes every text, and the only
/// elements and attributes are the literals below.
pub fn render(nodes: &[Node]) -> Markup {
    html! {
        @for n in nodes {
            @match n {
                Node::Text(t) => (t),
                Node::Elem { tag, span, children } => (element(*tag, *span, children)),
            }
        }
    }
}

fn element(tag: Tag, span: Span, children: &[Node]) -> Markup {
    let c = render(children);
    let (colspan, rowspan) = span;
    match tag {
        Tag::P => html! { p { (c) } },
        Tag::Br => html! { br; },
        Tag::Hr => html! { hr; },
        Tag::B => html! { strong { (c) } },
        Tag::I => html! { em { (c) } },
        Tag::U => html! { u { (c) } },
        Tag::S => html! { s { (c) } },
        Tag::Sub => html! { sub { (c) } },
        Tag::Sup => html! { sup { (c) } },
        Tag::Code => html! { code { (c) } },
        Tag::Pre => html! { pre { (c) } },
        Tag::Blockquote => html! { blockquote { (c) } },
        Tag::H3 => html! { h3 { (c) } },
        Tag::H4 => html! { h4 { (c) } },
        Tag::Ul => html! { ul { (c) } },
        Tag::Ol => html! { ol { (c) } },
        Tag::Li => html! { li { (c) } },
        Tag::Dl => html! { dl { (c) } },
        Tag::Dt => html! { dt { (c) } },
        Tag::Dd => html! { dd { (c) } },
        Tag::Div => html! { div { (c) } },
        Tag::Span => html! { span { (c) } },
        Tag::Table => html! { table { (c) } },
        Tag::Caption => html! { caption { (c) } },
        Tag::Thead => html! { thead { (c) } },
        Tag::Tbody => html! { tbody { (c) } },
        Tag::Tfoot => html! { tfoot { (c) } },
        Tag::Tr => html! { tr { (c) } },
        Tag::Td => html! { td colspan=[colspan] rowspan=[rowspan] { (c) } },
        Tag::Th => html! { th colspan=[colspan] rowspan=[rowspan] { (c) } },
    }
}

#[cfg(test)]
#[path = "safe_html_tests.rs"]
mod tests;
