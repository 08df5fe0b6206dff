"""Every fusion setting is read, and documented in data/fusion.yaml by the comment above it."""

from __future__ import annotations

import re
from dataclasses import fields

import yaml

from rasad.fusion.settings import SETTINGS_FILE, FusionSettings, load_settings

_SETTING = re.compile(r"^  (\w+):")


def test_every_setting_has_a_comment_above_it():
    lines = SETTINGS_FILE.read_text(encoding="utf-8").splitlines()
    undocumented = [m[1] for n, line in enumerate(lines) if (m := _SETTING.match(line))
                    and not lines[n - 1].lstrip().startswith("#")]
    assert undocumented == []


def test_every_setting_in_the_file_is_loaded():
    raw = yaml.safe_load(SETTINGS_FILE.read_text(encoding="utf-8"))
    in_file = {key for section in raw.values() for key in section}
    assert in_file == {f.name for f in fields(FusionSettings)}
    assert load_settings().min_sources >= 2
