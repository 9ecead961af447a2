# Sphinx configuration for the bsdnet manual (Debian's python3-sphinx).
#   sphinx-build doc out        (or: make doc, which writes build/doc/html)
# SPDX-License-Identifier: GPL-2.0-only
import os

project = 'bsdnet'
author = 'the bsdnet developers'
copyright = 'the bsdnet developers, GPL-2.0-only'
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'VERSION')) as f:
    release = f.read().strip()
version = release

# The manual is one page, in ns-3's style.
root_doc = 'bsdnet'
master_doc = 'bsdnet'
exclude_patterns = ['_build', 'figures/*.sh']
highlight_language = 'none'
html_theme = 'alabaster'
html_title = 'bsdnet %s manual' % release
html_show_sourcelink = False
