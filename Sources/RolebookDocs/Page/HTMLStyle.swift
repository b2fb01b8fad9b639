/// The page's stylesheet, inlined so the HTML file stands alone (an email
/// attachment, an artifact of a CI run). Light and dark colour schemes follow
/// the reader's system setting; print drops the sidebar and keeps figures
/// and table rows whole.
enum HTMLStyle {
    static let css = """

        :root {
          color-scheme: light dark;
          --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --accent: #0969da;
          --code-bg: #f6f8fa; --table-stripe: #f6f8fa; --nav-bg: #f6f8fa;
          --rationale: #0969da; --rationale-bg: #ddf4ff;
          --note: #59636e; --note-bg: #f6f8fa;
          --important: #9a6700; --important-bg: #fff8c5;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --accent: #4493f8;
            --code-bg: #151b23; --table-stripe: #151b23; --nav-bg: #010409;
            --rationale: #4493f8; --rationale-bg: #0c2d4b;
            --note: #9198a1; --note-bg: #151b23;
            --important: #d29922; --important-bg: #3b2e0a;
          }
        }
        * { box-sizing: border-box; }
        html { scroll-behavior: smooth; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font: 16px/1.6 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, "DejaVu Sans", sans-serif; }
        .layout { display: grid; grid-template-columns: 18rem minmax(0, 1fr); max-width: 86rem; margin: 0 auto; }
        nav.toc { position: sticky; top: 0; align-self: start; height: 100vh; overflow-y: auto;
          padding: 1.5rem 1rem 2rem 1.25rem; background: var(--nav-bg); border-right: 1px solid var(--border); font-size: 0.875rem; }
        .toc-title { font-weight: 600; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); margin: 0 0 .5rem; }
        nav.toc ol { list-style: none; margin: 0; padding-left: .75rem; }
        nav.toc > ol { padding-left: 0; }
        nav.toc li { margin: .2rem 0; }
        nav.toc a { color: var(--fg); text-decoration: none; }
        nav.toc a:hover { color: var(--accent); text-decoration: underline; }
        main { padding: 2rem 3rem 4rem; min-width: 0; }
        header { border-bottom: 1px solid var(--border); margin-bottom: 1.5rem; }
        h1 { font-size: 2rem; line-height: 1.25; margin: 0 0 .5rem; }
        h2 { font-size: 1.5rem; border-bottom: 1px solid var(--border); padding-bottom: .3rem; margin-top: 2.5rem; }
        h3 { font-size: 1.25rem; margin-top: 2rem; }
        h4 { font-size: 1.05rem; margin-top: 1.5rem; }
        h5 { font-size: 1rem; margin-top: 1.25rem; color: var(--muted); }
        h2, h3, h4, h5 { position: relative; scroll-margin-top: 1rem; }
        a.anchor { position: absolute; left: -1.1rem; color: var(--muted); text-decoration: none; opacity: 0; font-weight: 400; }
        h2:hover a.anchor, h3:hover a.anchor, h4:hover a.anchor, h5:hover a.anchor { opacity: 1; }
        a { color: var(--accent); }
        .generated { color: var(--muted); font-size: .875rem; }
        .summary { font-size: 1.05rem; }
        code { font: .875em/1.4 ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, monospace;
          background: var(--code-bg); padding: .1em .35em; border-radius: 4px; }
        ul, ol { padding-left: 1.6rem; }
        li { margin: .3rem 0; }
        li > p { margin: .3rem 0; }
        .table-wrap { overflow-x: auto; margin: 1rem 0; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        caption { text-align: left; color: var(--muted); font-size: .85rem; padding-bottom: .4rem; }
        th, td { border: 1px solid var(--border); padding: .45rem .65rem; vertical-align: top; text-align: left; }
        thead th { background: var(--code-bg); }
        tbody tr:nth-child(even) { background: var(--table-stripe); }
        tbody th { font-weight: 400; }
        .panel { border-left: 4px solid var(--note); background: var(--note-bg); padding: .6rem 1rem; margin: 1rem 0; border-radius: 0 6px 6px 0; }
        .panel > p { margin: .35rem 0; }
        .panel-title { font-weight: 600; }
        .panel-rationale { border-color: var(--rationale); background: var(--rationale-bg); }
        .panel-rationale .panel-title { color: var(--rationale); }
        .panel-important { border-color: var(--important); background: var(--important-bg); }
        .panel-important .panel-title { color: var(--important); }
        .status { display: inline-block; font-size: .7rem; font-weight: 700; letter-spacing: .04em; text-transform: uppercase;
          padding: .05rem .45rem; border-radius: 3px; vertical-align: .1em; border: 1px solid currentColor; }
        .status-blue { color: #0969da; } .status-green { color: #1a7f37; } .status-yellow { color: #9a6700; }
        .status-red { color: #cf222e; } .status-grey { color: var(--muted); }
        @media (prefers-color-scheme: dark) {
          .status-blue { color: #4493f8; } .status-green { color: #3fb950; } .status-yellow { color: #d29922; } .status-red { color: #f85149; }
        }
        figure { margin: 1.5rem 0; }
        .diagram { background: #ffffff; border: 1px solid var(--border); border-radius: 8px; padding: 1rem; overflow-x: auto; text-align: center; }
        .diagram svg { max-width: 100%; height: auto; }
        figcaption { color: var(--muted); font-size: .875rem; margin-top: .5rem; }
        @media (max-width: 60rem) {
          .layout { display: block; }
          nav.toc { position: static; height: auto; border-right: none; border-bottom: 1px solid var(--border); }
          main { padding: 1.5rem 1rem 3rem; }
        }
        @media print {
          :root { --bg: #fff; --fg: #000; --muted: #444; --code-bg: #f3f3f3; --table-stripe: #fff; --nav-bg: #fff; }
          .layout { display: block; }
          nav.toc { position: static; height: auto; border: none; page-break-after: always; }
          main { padding: 0; }
          a { color: inherit; text-decoration: none; }
          a.anchor { display: none; }
          figure, tr, .panel { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
          .diagram { border: none; padding: 0; }
        }

        """
}
