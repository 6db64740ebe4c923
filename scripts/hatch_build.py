"""Wheel build hook: the food table's and search index's cache payloads, built from the data being
packaged and shipped in magcalc/data/cache/, so that the first run after installing does not spend
a second and a half indexing 14,000 foods (see magcalc.cache). Not run for editable installs."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

BUILD = (
    "from magcalc.foods import load_foods; from magcalc.matching import index, numbered_names; "
    "load_foods(); index(); numbered_names()"
)


class PrebuiltCacheHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        folder = Path(tempfile.mkdtemp(prefix="magcalc-cache-"))
        # magcalc's own builders, from the source being packaged, in a fresh interpreter (they need
        # only the standard library); MAGCALC_BUNDLE makes cache.load_or_build write each payload
        env = {**os.environ, "PYTHONPATH": str(Path(self.root) / "src"), "MAGCALC_BUNDLE": str(folder)}
        subprocess.run([sys.executable, "-c", BUILD], check=True, env=env, cwd=self.root)
        for payload in sorted(folder.glob("*.marshal")):
            build_data["force_include"][str(payload)] = f"magcalc/data/cache/{payload.name}"
