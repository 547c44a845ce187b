"""Frozen entry point of srs-wizard (windowed): the wizard, or a command if one is given."""

import sys

from srs_wizard.__main__ import main

sys.exit(main())
