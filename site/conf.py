"""Sphinx configuration of the course website (run through ``make site``; see site/build_site.py).

The edition (``learner`` or ``instructor``) comes from the NETLEARN_SITE_EDITION environment
variable that build_site.py sets; the staged pages already hold what the edition should show.
Nothing on the pages is fetched from the internet: the theme's files are copied into the site,
search runs on the site's own index, and interactive widgets (which would need JavaScript from a
CDN) are shown as a short note on how to run the notebook instead.
"""

import html
import os
import posixpath
import re
import sys
from pathlib import Path

from docutils import nodes

sys.path.insert(0, str(Path(__file__).resolve().parent))

from course_site import BINDERHUB, binder_url, BRANCH, CACHE, local_lab_url, repository  # noqa: E402

EDITION = os.environ.get("NETLEARN_SITE_EDITION", "learner")
if EDITION not in ("learner", "instructor"):
    raise ValueError(f"NETLEARN_SITE_EDITION must be learner or instructor, not {EDITION!r}")

project = "netlearn"
author = "The netlearn course authors"
copyright = "the netlearn course authors (MIT licence)"
html_title = "Leading improvement through networks" + (" · instructor edition" if EDITION == "instructor" else "")
language = "en"

extensions = ["myst_nb"]
source_suffix = {".md": "myst-nb", ".ipynb": "myst-nb"}
exclude_patterns = ["**/.ipynb_checkpoints"]
# Links to headings (facilitator_guide.md#the-privacy-script-read-it-aloud) resolve as on GitHub.
myst_heading_anchors = 4
myst_enable_extensions = ["colon_fence"]

# ---------------------------------------------------------------- executing the notebooks
nb_execution_mode = "cache"
nb_execution_cache_path = str(CACHE)
nb_execution_timeout = 600
nb_execution_raise_on_error = True
nb_execution_show_tb = True
nb_merge_streams = True
# No widget JavaScript: ipywidgets' embed scripts come from a CDN, which the site must not need.
nb_ipywidgets_js = {}

# ---------------------------------------------------------------- the theme
html_theme = "sphinx_book_theme"
html_static_path = ["_static"]
html_css_files = ["netlearn.css"]
html_last_updated_fmt = None
html_show_sphinx = False
html_favicon = "_static/favicon.svg"
# The reader's light or dark choice, else their system's (an unset mode is a console error).
html_context = {"default_mode": "auto"}
html_theme_options = {
    "repository_url": repository(),
    "repository_branch": BRANCH,
    "path_to_docs": "",
    "use_repository_button": True,
    "use_download_button": True,
    "use_fullscreen_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "launch_buttons": {"binderhub_url": BINDERHUB, "notebook_interface": "jupyterlab"},
    "navigation_with_keys": False,
}


# ---------------------------------------------------------------- widgets and launch notes
def _widget_note():
    note = nodes.container(classes=["netlearn-widget-note"])
    paragraph = nodes.paragraph()
    paragraph += nodes.strong(text="Interactive tool. ")
    paragraph += nodes.Text("It works when the notebook runs: open the notebook on Binder or in JupyterLab on "
                            "your own computer (see “Run this notebook yourself” at the top of the page).")
    note += paragraph
    return note


def _render_widget_view(self, data):
    """A widget output as a note on how to use it (a static page cannot run it)."""
    return [_widget_note()]


def _render_nb_finalise(self, metadata):
    """Leave the widgets' saved state out of the page: without their JavaScript it shows nothing."""
    metadata = {key: value for key, value in metadata.items() if key != "widgets"}
    return _original_finalise(self, metadata)


#: What a picture says when its output carries no description (the drawing's text summary, where the
#: course prints one, is next to it on the page).
PICTURE_ALT = "A chart or network drawing made by the code cell above"


def _render_image(self, data):
    """A picture with alt text: the output's own ``alt`` metadata if it has one, else a plain description
    (without this, Sphinx would use the picture's file name)."""
    result = _original_render_image(self, data)
    alt = str(data.output_metadata.get(data.mime_type, {}).get("alt", "")).strip() or PICTURE_ALT
    for node in result:
        for image in ([node] if isinstance(node, nodes.image) else list(node.findall(nodes.image))):
            image.setdefault("alt", alt)
    return result


from myst_nb.core.render import NbElementRenderer  # noqa: E402

_original_finalise = NbElementRenderer.render_nb_finalise
_original_render_image = NbElementRenderer.render_image
NbElementRenderer.render_image = _render_image
NbElementRenderer.render_widget_view = _render_widget_view
NbElementRenderer.render_widget_view_inline = _render_widget_view
NbElementRenderer.render_nb_finalise = _render_nb_finalise


def launch_note(path):
    """HTML of the "Run this notebook yourself" box for the notebook at ``path`` (from the repository)."""
    binder = html.escape(binder_url(path))
    local = html.escape(local_lab_url(path))
    home = html.escape(repository())
    return (
        '<aside class="netlearn-launch" aria-label="Run this notebook yourself">'
        "<p><strong>Run this notebook yourself.</strong> This page shows it already run. To change things "
        f'and use its interactive tools: <a class="netlearn-binder" href="{binder}">open it on Binder</a> '
        "(in your web browser, nothing to install; the session is temporary, so download your work before "
        f"you close it), or on your own computer get <a href=\"{home}\">a copy of the course</a>, run "
        f"<code>make lab</code> in its folder and open <a class=\"netlearn-local\" href=\"{local}\">this "
        f"notebook in your JupyterLab</a> (the link works while <code>make lab</code> is running).</p>"
        "</aside>"
    )


def answers_note(docname):
    stem = docname.split("/")[-1]
    return ('<aside class="netlearn-answers-link" aria-label="Answers for trainers"><p>For trainers: '
            f'<a href="../answers/{html.escape(stem)}.html">the worked answers to this notebook\'s '
            "questions</a> (instructor edition only).</p></aside>")


_NOTEBOOK_HREF = re.compile(r'href="([A-Za-z0-9_./-]+)\.ipynb(#[^"]*)?"')


def link_outputs_to_pages(app, doctree, docname):
    """In a notebook's HTML outputs (the course map in 00 links every notebook), a link to another
    notebook of the site leads to its page, as it leads to the notebook in JupyterLab."""
    folder = posixpath.dirname(docname)

    def to_page(match):
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        if target not in app.env.found_docs:
            return match.group(0)
        return f'href="{match.group(1)}.html{match.group(2) or ""}"'

    for raw in list(doctree.findall(nodes.raw)):
        if "html" in raw.get("format", "") and ".ipynb" in raw.astext():
            text = _NOTEBOOK_HREF.sub(to_page, raw.astext())
            raw.replace_self(nodes.raw("", text, format=raw["format"]))


def add_notes(app, doctree):
    """Put the launch box (and, for trainers, the answers link) under each notebook page's title."""
    docname = app.env.docname
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    link_outputs_to_pages(app, doctree, docname)
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is None:
        return
    notes = [nodes.raw("", launch_note(f"{docname}.ipynb"), format="html")]
    if EDITION == "instructor" and docname.startswith("exercises/"):
        notes.append(nodes.raw("", answers_note(docname), format="html"))
    position = 1 if section.children and isinstance(section[0], nodes.title) else 0
    for offset, note in enumerate(notes):
        section.insert(position + offset, note)


def setup(app):
    app.connect("doctree-read", add_notes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
