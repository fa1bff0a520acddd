"""Makes docs/ a package so that its conftest.py and src/conftest.py import under distinct names."""
