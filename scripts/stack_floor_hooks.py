"""The benchmark's stack-floor build runs none of our hooks but this one: the theme's date filter
(macros/theme.py), which the templates in overrides/ need to render at all."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.content import LABELS_FILE  # noqa: E402
from macros.labels import load_labels  # noqa: E402
from macros.theme import theme_filters  # noqa: E402


def on_env(env, config, files):
    labels, _ = load_labels(ROOT / LABELS_FILE, LABELS_FILE)
    env.filters.update(theme_filters(labels))
    return env
