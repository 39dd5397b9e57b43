#!/usr/bin/python3
"""Export executed notebooks to an offline HTML course site.

    /usr/bin/python3 tests/python/build_site.py --executed build/executed --site site

Writes site/index.html (chapters in name order: title = first heading of the first Markdown
cell, summary = its first paragraph) and one page per notebook with previous / next / contents
links. Pages work offline: images are embedded as data: URIs, formulas are typeset by a copy of
Debian's MathJax under site/mathjax, and no script, stylesheet or image is loaded from outside the
site (checked after rendering; the build fails otherwise). Every file is written to a temporary
name and renamed, so a reader never sees a half-written page.
"""

import argparse
import datetime
import os
import re
import shutil
import sys
from pathlib import Path

import jinja2
import nbformat
from nbconvert import HTMLExporter
from nbconvert.filters.markdown_mistune import markdown2html_mistune

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "site_templates"
MATHJAX_SOURCE = Path("/usr/share/javascript/mathjax")
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"
# What a page with TeX-AMS_CHTML-full needs (measured by tracing the files Chromium opened,
# see README "HTML site"): the loader, the combined configuration, the extensions it may load
# on demand, the TeX input and CommonHTML output jax with their fonts. The HTML-CSS and SVG
# outputs, the PNG image fonts, unpacked sources and tests are left out.
MATHJAX_PARTS = [
    "MathJax.js",
    "config/TeX-AMS_CHTML-full.js",
    "config/Safe.js",
    "extensions",
    "jax/input/TeX",
    "jax/output/CommonHTML",
    "jax/element",
    "fonts/HTML-CSS/TeX/woff",
    "localization/en",
]
# A tag that makes the browser fetch something: <script src>, <link href>, <img src>, ...
LOADING_ATTRIBUTE = re.compile(
    r"<(script|link|img|iframe|source|video|audio|embed)\b[^>]*?\s(src|href)\s*=\s*[\"']([^\"']*)[\"']",
    re.IGNORECASE,
)


class SiteError(Exception):
    pass


def write_text_atomically(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def plain_title(markdown_heading):
    """A heading's text without Markdown emphasis or code marks."""
    text = markdown_heading.lstrip("#").strip()
    return re.sub(r"[*`]", "", text).strip()


def title_and_summary(nb, fallback_title):
    """Title = first heading of the first Markdown cell, summary = its first paragraph."""
    first_markdown = next((c for c in nb.cells if c.cell_type == "markdown"), None)
    if first_markdown is None:
        return fallback_title, ""
    title = None
    paragraph = []
    for line in first_markdown.source.splitlines():
        stripped = line.strip()
        if title is None and stripped.startswith("#"):
            title = plain_title(stripped)
            continue
        if stripped.startswith("#"):
            if paragraph:
                break
            continue
        if not stripped:
            if paragraph:
                break
            continue
        paragraph.append(stripped)
    return title or fallback_title, " ".join(paragraph)


def find_external_loads(page_html):
    """Attributes that would make a browser load something from outside the site."""
    found = []
    for tag, attribute, url in LOADING_ATTRIBUTE.findall(page_html):
        lowered = url.strip().lower()
        if lowered.startswith(("http:", "https:", "//", "file:", "ftp:")):
            found.append(f"<{tag} {attribute}=\"{url}\">")
    return found


def copy_mathjax(site, source=MATHJAX_SOURCE):
    """Copy the needed part of MathJax once; a stamp file records what was copied."""
    if not (source / "MathJax.js").is_file():
        raise SiteError(f"MathJax not found at {source}: install Debian's libjs-mathjax "
                        "(apt-get install libjs-mathjax)")
    target = site / "mathjax"
    stamp_text = "\n".join([str(source), *MATHJAX_PARTS]) + "\n"
    stamp = target / ".copied-from"
    if stamp.is_file() and stamp.read_text() == stamp_text:
        return
    staging = site / f".mathjax.{os.getpid()}.tmp"
    if staging.exists():
        shutil.rmtree(staging)
    for part in MATHJAX_PARTS:
        src = source / part
        dst = staging / part
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dst, symlinks=False)
        elif src.is_file():
            shutil.copy2(src, dst)
        else:
            raise SiteError(f"MathJax part missing: {src}")
    (staging / ".copied-from").write_text(stamp_text)
    if target.exists():
        shutil.rmtree(target)
    os.replace(staging, target)


class Chapter:
    def __init__(self, path):
        self.path = path
        self.stem = path.stem
        self.href = f"{self.stem}.html"
        try:
            self.nb = nbformat.read(str(path), as_version=4)
        except Exception as exc:
            raise SiteError(f"cannot read executed notebook {path}: {exc}") from exc
        self.title, self.summary = title_and_summary(self.nb, self.stem)
        course = self.nb.metadata.get("course", {})
        self.status = course.get("status", "unknown")
        self.fast = bool(course.get("fast", False))
        self.failure = course.get("failure")

    def banners(self):
        banners = []
        if self.fast:
            banners.append({"kind": "fast", "text": "Fast-mode preview (COURSE_FAST=1): smaller "
                            "data and fewer epochs than the full course run."})
        if self.status != "ok":
            failure = self.failure or {}
            where = f" at code cell {failure['cell_number']}" if "cell_number" in failure else ""
            what = ": ".join(x for x in (failure.get("ename"), failure.get("evalue")) if x)
            banners.append({"kind": "failed",
                            "text": f"This notebook did not run to the end ({self.status}{where})"
                                    + (f": {what}" if what else ".")})
        return banners


def page_exporter():
    exporter = HTMLExporter(
        template_name="course_page",
        extra_template_basedirs=[str(TEMPLATES)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.mathjax_url = f"mathjax/MathJax.js?config={MATHJAX_CONFIG}"
    return exporter


def notebook_css():
    """JupyterLab's notebook styles as one stylesheet (the lab template's inline <style> blocks)."""
    exporter = HTMLExporter(template_name="notebook_css", extra_template_basedirs=[str(TEMPLATES)])
    fragment, _ = exporter.from_notebook_node(nbformat.v4.new_notebook())
    css = re.sub(r"</?style[^>]*>", "", fragment).strip()
    if len(css) < 1000:
        raise SiteError("could not extract JupyterLab's notebook styles from nbconvert's lab template")
    return css + "\n"


def render_page(exporter, chapter, previous, following):
    nb = nbformat.from_dict(chapter.nb)
    nb.metadata["title"] = chapter.title
    resources = {
        "metadata": {"name": chapter.stem, "path": str(chapter.path.parent)},
        "course": {
            "prev": {"href": previous.href, "title": previous.title} if previous else None,
            "next": {"href": following.href, "title": following.title} if following else None,
            "banners": chapter.banners(),
        },
    }
    body, _ = exporter.from_notebook_node(nb, resources=resources)
    return body


def render_index(chapters):
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)),
                                     autoescape=False)
    template = environment.get_template("index.html.j2")
    modes = {c.fast for c in chapters}
    mode_text = ("in fast mode (a preview)" if modes == {True} else
                 "in full mode" if modes == {False} else "partly in fast mode")
    entries = [{
        "href": c.href, "status": c.status, "fast": c.fast,
        # The file name gives the chapter number; a title that repeats it ("01 · ...") drops it.
        "number": re.match(r"\d*", c.stem).group(0),
        "title": re.sub(r"^\d+\s*[·.:\-–—]\s*", "", c.title) or c.title,
        "summary_html": markdown2html_mistune(c.summary) if c.summary else "",
    } for c in chapters]
    return template.render(
        site_title="Deep learning in Java: course notebooks",
        chapters=entries,
        mathjax_url=f"mathjax/MathJax.js?config={MATHJAX_CONFIG}",
        mode_text=mode_text,
        built_at=datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
    )


def build_site(executed, site, sources=None):
    """Pages for the executed notebooks; with `sources`, only for notebooks that still exist there."""
    executed = Path(executed)
    site = Path(site)
    notebooks = sorted(p for p in executed.glob("*.ipynb") if not p.name.startswith("."))
    if sources is not None:
        names = {p.name for p in Path(sources).glob("*.ipynb")}
        notebooks = [p for p in notebooks if p.name in names]
        missing = sorted(names - {p.name for p in notebooks})
        if missing:
            print(f"site: not executed yet, left out: {', '.join(missing)}", file=sys.stderr)
    if not notebooks:
        raise SiteError(f"no executed notebooks in {executed}: run './course run' "
                        "(or './course run --fast') first")
    chapters = [Chapter(p) for p in notebooks]
    site.mkdir(parents=True, exist_ok=True)
    copy_mathjax(site)
    write_text_atomically(site / "notebook.css", notebook_css())
    write_text_atomically(site / "course.css", (TEMPLATES / "course.css").read_text(encoding="utf-8"))

    exporter = page_exporter()
    pages = {}
    for i, chapter in enumerate(chapters):
        previous = chapters[i - 1] if i > 0 else None
        following = chapters[i + 1] if i + 1 < len(chapters) else None
        pages[chapter.href] = render_page(exporter, chapter, previous, following)
    pages["index.html"] = render_index(chapters)

    for name, text in pages.items():
        external = find_external_loads(text)
        if external:
            raise SiteError(f"{name} would load from outside the site: {', '.join(external[:5])}")
    for name, text in pages.items():
        write_text_atomically(site / name, text)
    # Pages of notebooks that no longer exist would be orphans with stale links.
    for stale in site.glob("*.html"):
        if stale.name not in pages:
            stale.unlink()
    return chapters


def main(argv):
    parser = argparse.ArgumentParser(description="Build the offline HTML course site.")
    parser.add_argument("--executed", default="build/executed", help="executed notebooks")
    parser.add_argument("--site", default="site", help="output directory")
    parser.add_argument("--sources", help="source notebooks folder: leave out executed copies "
                        "of notebooks that no longer exist there")
    args = parser.parse_args(argv)
    try:
        chapters = build_site(args.executed, args.site, args.sources)
    except SiteError as exc:
        print(f"site: {exc}", file=sys.stderr)
        return 1
    size = sum(f.stat().st_size for f in Path(args.site).rglob("*") if f.is_file())
    failed = [c.stem for c in chapters if c.status != "ok"]
    print(f"site: {len(chapters)} page(s) + index in {args.site}/ "
          f"({size / 1e6:.1f} MB with MathJax); open {Path(args.site).resolve() / 'index.html'}")
    if failed:
        print(f"site: notebooks that did not run to the end: {', '.join(failed)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
