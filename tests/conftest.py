"""Shared fixtures: the repository, the seed articles, the shared evaluation materials."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return REPO / "seeds"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared (gold facts and scorers) is not next to the repository")
    return SHARED


@pytest.fixture
def project(tmp_path, seeds_dir) -> Path:
    """A scratch project: a copy of the seeds and an empty facts folder."""
    shutil.copytree(seeds_dir, tmp_path / "seeds")
    (tmp_path / "facts").mkdir()
    return tmp_path


@pytest.fixture
def tree_bytes():
    """Every file under a folder with its bytes: to assert that nothing changed."""
    def snapshot(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}
    return snapshot
