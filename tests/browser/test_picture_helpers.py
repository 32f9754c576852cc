"""The harness's picture check on a hand-made page: a real picture passes; a speck, a broken image,
a hidden picture and text alone do not (no JupyterLab needed, only the browser). And the lab's
kernels keep matplotlib's inline backend, so figures can reach the page at all."""

from __future__ import annotations

import base64
import io

import pytest

import lab_harness


def png_data_url(width, height):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width / 100, height / 100), dpi=100)
    figure.add_subplot().plot([0, 1], [1, 0])
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


@pytest.mark.browser
def test_expect_picture_needs_a_loaded_visible_picture_of_real_size(page):
    page.set_content(f"""
        <div id="drawing"><p>Brokers in the network</p><img alt="network" src="{png_data_url(300, 200)}"></div>
        <div id="speck"><img alt="dot" src="{png_data_url(40, 30)}"></div>
        <div id="broken"><img alt="missing" src="data:image/png;base64,bm90IGEgcGljdHVyZQ=="></div>
        <div id="hidden" style="display: none"><img alt="hidden" src="{png_data_url(300, 200)}"></div>
        <div id="text"><pre>&lt;Figure size 720x720 with 1 Axes&gt;</pre></div>
        <div id="words"><p>Brokers: 12 members hold it</p></div>
    """)
    found = lab_harness.expect_picture(page.locator("#drawing"), "the drawing", timeout_s=5)
    assert found["natural"] == [300, 200] and found["alt"] == "network"
    for name, detail in [("speck", "40x30 px"), ("broken", "0x0 px"), ("hidden", "shown at 0x0"),
                         ("text", "the figure is shown as text: '<Figure size 720x720 with 1 Axes>'"),
                         ("words", "only text: 'Brokers: 12 members hold it'"),
                         ("nowhere", "nothing on the page matches")]:
        with pytest.raises(AssertionError, match="no picture of at least 100x100 px") as failure:
            lab_harness.expect_picture(page.locator(f"#{name}"), f"the {name}", timeout_s=0.5)
        assert detail in str(failure.value), (name, str(failure.value))
    # Any of several matches will do.
    assert lab_harness.expect_picture(page.locator("div"), "any div", timeout_s=1)["alt"] == "network"


def test_lab_kernels_draw_with_the_inline_backend(tmp_path, monkeypatch):
    # A backend named in the environment (Agg, say, on a headless CI machine) would replace the inline
    # backend in every kernel the server starts, and no figure would reach the page.
    monkeypatch.setenv("MPLBACKEND", "Agg")
    server = lab_harness.JupyterLabServer(notebooks_dir=tmp_path, workdir=tmp_path, log_path=tmp_path / "log")
    environment = server._environment()
    assert "MPLBACKEND" not in environment
    assert environment["JUPYTER_CONFIG_DIR"] == str(tmp_path / "config")
