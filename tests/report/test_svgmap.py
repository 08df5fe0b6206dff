"""The map's projection and zoom: markers land where their coordinates say, and all stay in view."""

from __future__ import annotations

from rasad.report.svgmap import WIDTH, Projection, load_region, zoom_box


def _projection() -> tuple[Projection, float]:
    view = load_region()["view"]
    project = Projection.for_view(view)
    return project, (view["north"] - view["south"]) * project.scale


def test_projection_puts_the_view_corners_on_the_map_edges() -> None:
    view = load_region()["view"]
    project, height = _projection()
    assert project(view["west"], view["north"]) == (0, 0)
    x, y = project(view["east"], view["south"])
    assert abs(x - WIDTH) < 1e-6 and abs(y - height) < 1e-6
    damascus, baghdad = project(36.29, 33.51), project(44.36, 33.31)
    assert damascus[0] < baghdad[0] and abs(damascus[1] - baghdad[1]) < 30


def test_zoom_keeps_every_marker_inside_and_the_map_shape() -> None:
    project, height = _projection()
    points = [project(40.73, 36.06), project(41.93, 37.0), project(38.63, 33.5)]
    box = zoom_box(points, height)
    assert all(box.x <= x <= box.x + box.width and box.y <= y <= box.y + box.height for x, y in points)
    assert abs(box.width / box.height - WIDTH / height) < 1e-6
    assert box.x >= 0 and box.y >= 0
    assert box.x + box.width <= WIDTH + 1e-6 and box.y + box.height <= height + 1e-6
    assert box.width >= WIDTH / 2  # never zoomed so far that the neighbours leave the picture


def test_no_markers_shows_the_whole_region() -> None:
    _project, height = _projection()
    box = zoom_box([], height)
    assert (box.x, box.y, box.width, box.height) == (0, 0, WIDTH, height)
